package io.tradebook.trading;

import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.RiskEvent;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.JdbiEventSink.StoredNotification;
import io.tradebook.store.RiskRuleRepository;
import java.util.Map;
import java.util.UUID;

/**
 * Where the order path's announcements go in the server: notifications, log entries and risk
 * events into the database ({@link JdbiEventSink}), each notification then published live to its
 * user, and a risk rule's refusal also recorded on the rule's row (its current value, violated,
 * and why), so the rule shows it after a restart. Thread-safe.
 */
final class LiveEventSink implements EventSink {
    private final JdbiEventSink stored;
    private final RiskRuleRepository rules;
    private final LiveEvents live;

    LiveEventSink(JdbiEventSink stored, RiskRuleRepository rules, LiveEvents live) {
        this.stored = stored;
        this.rules = rules;
        this.live = live;
    }

    @Override
    public void notify(Notification notification) {
        StoredNotification n = stored.store(notification);
        if (n.userId() != null) {
            live.publish(LiveEventData.notification(n));
        }
    }

    @Override
    public void log(LogLevel level, String component, String message, Map<String, String> details) {
        stored.log(level, component, message, details);
    }

    @Override
    public void riskEvent(RiskEvent event) {
        stored.riskEvent(event);
        UUID rule = ruleId(event.ruleId());
        if (rule != null && event.observed() != null && rules.find(rule).isPresent()) {
            rules.updateState(rule, event.observed(), true, event.message());
        }
    }

    private static UUID ruleId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notStored) {
            return null;
        }
    }
}
