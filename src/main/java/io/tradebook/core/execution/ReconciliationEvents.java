package io.tradebook.core.execution;

import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.execution.ReconciliationReport.CashDifference;
import io.tradebook.core.execution.ReconciliationReport.PositionDifference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells people and the audit trail what a reconciliation found:
 *
 * <ul>
 *   <li>MATCHED: one INFO log entry.
 *   <li>DIFFERENCES: one WARNING log entry per difference, with its figures, and one
 *       {@link NotificationType#SYSTEM_ERROR} notification at WARNING summing them up. SYSTEM_ERROR,
 *       not RISK_ALERT: no risk limit was breached; the system's record of the account disagrees
 *       with the outside world, which is a fault of the books or of what reached them (a lost
 *       fill, a trade placed by hand at the broker) and wants a person, not a risk rule.
 *   <li>UNKNOWN: one {@link NotificationType#SERVICE_DOWN} notification at ERROR and one ERROR log
 *       entry with the broker's message: the books could not be checked at all.
 * </ul>
 * Stateless; every entry has component {@value #COMPONENT}.
 */
public final class ReconciliationEvents {
    public static final String COMPONENT = "reconciliation";

    private ReconciliationEvents() {
    }

    public static void publish(ReconciliationReport report, EventSink sink) {
        switch (report.outcome()) {
            case MATCHED -> sink.log(LogLevel.INFO, COMPONENT, "books match the broker", Map.of("account", report.account()));
            case DIFFERENCES -> publishDifferences(report, sink);
            case UNKNOWN -> publishUnknown(report, sink);
        }
    }

    private static void publishDifferences(ReconciliationReport report, EventSink sink) {
        List<String> summary = new ArrayList<>();
        for (PositionDifference d : report.positionDifferences()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("account", report.account());
            details.put("symbol", d.symbol());
            details.put("books", d.books().toPlainString());
            details.put("broker", d.broker().toPlainString());
            details.put("difference", d.difference().toPlainString());
            sink.log(LogLevel.WARNING, COMPONENT, "position differs from the broker: " + d.symbol(), details);
            summary.add(d.symbol() + ": books " + d.books() + ", broker " + d.broker());
        }
        report.cashDifference().ifPresent(c -> {
            sink.log(LogLevel.WARNING, COMPONENT, "cash differs from the broker", cashDetails(report.account(), c));
            summary.add("cash: books " + c.books() + ", broker " + c.broker());
        });
        Map<String, String> data = new LinkedHashMap<>();
        data.put("account", report.account());
        data.put("positionDifferences", String.valueOf(report.positionDifferences().size()));
        data.put("cashDiffers", String.valueOf(report.cashDifference().isPresent()));
        sink.notify(new Notification(report.account(), NotificationType.SYSTEM_ERROR, AlertLevel.WARNING,
                "Books differ from the broker for account " + report.account(), String.join("; ", summary), data, report.time()));
    }

    private static Map<String, String> cashDetails(String account, CashDifference c) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("account", account);
        details.put("books", c.books().toString());
        details.put("broker", c.broker().toString());
        c.difference().ifPresent(d -> details.put("difference", d.toString()));
        return details;
    }

    private static void publishUnknown(ReconciliationReport report, EventSink sink) {
        Map<String, String> details = Map.of("account", report.account(), "brokerMessage", report.brokerMessage());
        sink.notify(new Notification(report.account(), NotificationType.SERVICE_DOWN, AlertLevel.ERROR,
                "Broker unavailable: account " + report.account() + " not reconciled", report.brokerMessage(), details,
                report.time()));
        sink.log(LogLevel.ERROR, COMPONENT, "broker account state unavailable; reconciliation outcome unknown", details);
    }
}
