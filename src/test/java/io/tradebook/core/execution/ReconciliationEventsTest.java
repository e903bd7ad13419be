package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.execution.RecordingEventSink.LogEntry;
import io.tradebook.core.execution.ReconciliationReport.CashDifference;
import io.tradebook.core.execution.ReconciliationReport.PositionDifference;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationEventsTest {
    private static final Instant NOW = Instant.parse("2024-01-03T21:00:00Z");

    private final RecordingEventSink sink = new RecordingEventSink();

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    @Test
    void aCleanReconciliationIsOneInfoLogEntryAndNoNotification() {
        ReconciliationEvents.publish(ReconciliationReport.compared("A", List.of(), Optional.empty(), NOW), sink);

        assertThat(sink.logs()).containsExactly(new LogEntry(LogLevel.INFO, "reconciliation", "books match the broker",
                Map.of("account", "A")));
        assertThat(sink.notifications()).isEmpty();
    }

    @Test
    void eachDifferenceIsAWarningLogEntryWithItsFiguresAndTheWholeIsOneNotification() {
        ReconciliationReport report = ReconciliationReport.compared("A",
                List.of(new PositionDifference("AAPL", Quantity.of(6), Quantity.of(10)),
                        new PositionDifference("TSLA", Quantity.ZERO, Quantity.of("-0.5"))),
                Optional.of(new CashDifference(usd("8398"), usd("8397.5"))), NOW);

        ReconciliationEvents.publish(report, sink);

        assertThat(sink.logs()).containsExactly(
                new LogEntry(LogLevel.WARNING, "reconciliation", "position differs from the broker: AAPL",
                        Map.of("account", "A", "symbol", "AAPL", "books", "6", "broker", "10", "difference", "4")),
                new LogEntry(LogLevel.WARNING, "reconciliation", "position differs from the broker: TSLA",
                        Map.of("account", "A", "symbol", "TSLA", "books", "0", "broker", "-0.5", "difference", "-0.5")),
                new LogEntry(LogLevel.WARNING, "reconciliation", "cash differs from the broker",
                        Map.of("account", "A", "books", "8398 USD", "broker", "8397.5 USD", "difference", "-0.5 USD")));
        assertThat(sink.notifications()).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.SYSTEM_ERROR);
            assertThat(n.level()).isEqualTo(AlertLevel.WARNING);
            assertThat(n.account()).isEqualTo("A");
            assertThat(n.time()).isEqualTo(NOW);
            assertThat(n.message()).isEqualTo("AAPL: books 6, broker 10; TSLA: books 0, broker -0.5; cash: books 8398 USD, broker 8397.5 USD");
            assertThat(n.data()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("account", "A", "positionDifferences", "2", "cashDiffers", "true"));
        });
    }

    @Test
    void cashInAnotherCurrencyIsLoggedWithoutADifferenceAmount() {
        ReconciliationReport report = ReconciliationReport.compared("A", List.of(),
                Optional.of(new CashDifference(usd("10"), Money.of("10", Currency.of("EUR")))), NOW);

        ReconciliationEvents.publish(report, sink);

        assertThat(sink.logs()).singleElement().extracting(LogEntry::details)
                .isEqualTo(Map.of("account", "A", "books", "10 USD", "broker", "10 EUR"));
        assertThat(sink.notifications()).singleElement().extracting(n -> n.data().get("positionDifferences")).isEqualTo("0");
    }

    @Test
    void anUnknownOutcomeIsAServiceDownNotificationAndAnErrorLogEntryAndNoDifferences() {
        ReconciliationEvents.publish(ReconciliationReport.unknown("A", "gateway timeout", NOW), sink);

        assertThat(sink.notifications()).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(NotificationType.SERVICE_DOWN);
            assertThat(n.level()).isEqualTo(AlertLevel.ERROR);
            assertThat(n.account()).isEqualTo("A");
            assertThat(n.message()).isEqualTo("gateway timeout");
            assertThat(n.time()).isEqualTo(NOW);
        });
        assertThat(sink.logs()).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(LogLevel.ERROR);
            assertThat(e.component()).isEqualTo("reconciliation");
            assertThat(e.details()).containsEntry("brokerMessage", "gateway timeout").containsEntry("account", "A");
        });
    }

    @Test
    void reconcileWithASinkPublishesWhatItFound() {
        FakeBroker broker = new FakeBroker().failAccountState("down", true);
        InMemoryBookKeeper keeper = new InMemoryBookKeeper(Books.keepingEntries(Currency.USD));
        keeper.activate("A", "alpha");
        Reconciliation reconciliation = new Reconciliation(keeper, broker, Clock.fixed(NOW, ZoneOffset.UTC));

        reconciliation.reconcile("A", sink);
        broker.answerAccountState("A", usd("0"), Map.of());
        reconciliation.reconcile("A", sink);

        assertThat(sink.notifications()).extracting(Notification::type).containsExactly(NotificationType.SERVICE_DOWN);
        assertThat(sink.logs()).extracting(LogEntry::level).containsExactly(LogLevel.ERROR, LogLevel.INFO);
    }
}
