package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbiEventSink} on a real database: notifications reach the account's owner (or everyone),
 * data and details come back as the same strings, newest first.
 */
abstract class EventSinkContract {
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");
    private Database database;
    private JdbiEventSink sink;
    private AccountRepository accounts;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        sink = new JdbiEventSink(database.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));
        accounts = new AccountRepository(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AccountRepository.Account account(String email) {
        UUID user = accounts.findOrCreateUser(email, email);
        return accounts.openAccount(user, "main", "paper", "P-" + email, "CASH", "USD");
    }

    @Test
    void aNotificationReachesTheAccountsOwnerWithItsData() {
        AccountRepository.Account alice = account("alice@example.com");
        AccountRepository.Account bob = account("bob@example.com");
        Map<String, String> data = Map.of("order", "3f1c", "quantity", "0.00000001", "price", "65000.123456789012", "note", "\"quoted\" é");
        sink.notify(new Notification(alice.id().toString(), NotificationType.ORDER_FILLED, AlertLevel.INFO, "AAPL filled",
                "Bought 10 AAPL at 101.5", data, T0));
        sink.notify(new Notification(bob.id().toString(), NotificationType.RISK_ALERT, AlertLevel.WARNING, "Daily loss", "Bob's",
                Map.of(), T0.plusSeconds(1)));
        sink.notify(new Notification(null, NotificationType.SERVICE_DOWN, AlertLevel.CRITICAL, "Broker down", "alpaca unreachable",
                Map.of("broker", "alpaca"), T0.plusSeconds(2)));

        List<JdbiEventSink.StoredNotification> seen = sink.notifications(alice.userId(), 10);
        assertThat(seen).extracting(JdbiEventSink.StoredNotification::title).containsExactly("Broker down", "AAPL filled");
        JdbiEventSink.StoredNotification filled = seen.get(1);
        assertThat(filled.userId()).isEqualTo(alice.userId());
        assertThat(filled.type()).isEqualTo(NotificationType.ORDER_FILLED);
        assertThat(filled.level()).isEqualTo(AlertLevel.INFO);
        assertThat(filled.message()).isEqualTo("Bought 10 AAPL at 101.5");
        assertThat(filled.data()).isEqualTo(data);
        assertThat(filled.createdAt()).isEqualTo(T0);
        assertThat(filled.readAt()).isNull();
        assertThat(seen.get(0).userId()).isNull();
        assertThat(seen.get(0).data()).containsExactly(Map.entry("broker", "alpaca"));

        assertThat(sink.notifications(bob.userId(), 1)).extracting(JdbiEventSink.StoredNotification::title).containsExactly("Broker down");
        assertThat(sink.notifications(null, 10)).extracting(JdbiEventSink.StoredNotification::title).containsExactly("Broker down");
    }

    @Test
    void notificationsStoredTogetherComeBackInOrderWithAscendingIdsAndTheirTextIntact() {
        AccountRepository.Account alice = account("alice@example.com");
        AccountRepository.Account bob = account("bob@example.com");
        Map<String, String> odd = Map.of("note", "\"quoted\", back\\slash, {braces}, é", "empty", "", "comma", "a,b");
        List<Notification> notifications = List.of(
                new Notification(alice.id().toString(), NotificationType.ORDER_FILLED, AlertLevel.INFO, "AAPL \"filled\"",
                        "Bought 10 AAPL at 101.5\nsecond line", odd, T0),
                new Notification(null, NotificationType.SERVICE_DOWN, AlertLevel.CRITICAL, "Broker down", "NULL", Map.of(), T0.plusSeconds(1)),
                new Notification(bob.id().toString(), NotificationType.RISK_ALERT, AlertLevel.WARNING, "x".repeat(250), "Bob's",
                        Map.of("limit", "0.05"), T0.plusMillis(1500)));
        List<UUID> users = java.util.Arrays.asList(alice.userId(), null, bob.userId());

        List<JdbiEventSink.StoredNotification> stored = sink.storeAll(notifications, users);

        assertThat(stored).extracting(JdbiEventSink.StoredNotification::userId).containsExactly(alice.userId(), null, bob.userId());
        assertThat(stored.get(0).id()).isLessThan(stored.get(1).id());
        assertThat(stored.get(1).id()).isLessThan(stored.get(2).id());
        JdbiEventSink.StoredNotification aliceSees = sink.notifications(alice.userId(), 10).stream()
                .filter(n -> n.id() == stored.get(0).id()).findFirst().orElseThrow();
        assertThat(aliceSees).isEqualTo(stored.get(0));
        assertThat(aliceSees.title()).isEqualTo("AAPL \"filled\"");
        assertThat(aliceSees.message()).isEqualTo("Bought 10 AAPL at 101.5\nsecond line");
        assertThat(aliceSees.data()).isEqualTo(odd);
        assertThat(sink.notifications(null, 10)).extracting(JdbiEventSink.StoredNotification::message).containsExactly("NULL");
        JdbiEventSink.StoredNotification bobSees = sink.notifications(bob.userId(), 10).get(0);
        assertThat(bobSees).isEqualTo(stored.get(2));
        assertThat(bobSees.title()).hasSizeLessThanOrEqualTo(200);
        assertThat(bobSees.createdAt()).isEqualTo(T0.plusMillis(1500));
    }

    @Test
    void anUnknownAccountIsRefusedAndALongTitleShortened() {
        String stranger = UUID.randomUUID().toString();
        assertThatThrownBy(() -> sink.notify(new Notification(stranger, NotificationType.SYSTEM_ERROR, AlertLevel.ERROR, "t", "m",
                Map.of(), T0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(stranger);
        AccountRepository.Account carol = account("carol@example.com");
        String title = "x".repeat(250);
        sink.notify(new Notification(carol.id().toString(), NotificationType.STRATEGY_SIGNAL, AlertLevel.INFO, title, "the whole text",
                Map.of(), T0));
        String stored = sink.notifications(carol.userId(), 1).get(0).title();
        assertThat(stored).hasSize(JdbiEventSink.TITLE_LENGTH).endsWith("…").startsWith("x".repeat(199));
        assertThatThrownBy(() -> sink.notifications(carol.userId(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logEntriesComeBackNewestFirstWithTheirDetails() {
        Map<String, String> details = new HashMap<>();
        details.put("order", "3f1c");
        details.put("reason", null);
        sink.log(LogLevel.INFO, "oms", "order placed", Map.of("order", "3f1c"));
        sink.log(LogLevel.WARNING, "broker", "retrying", details);
        sink.log(LogLevel.CRITICAL, "books", "verify failed", null);

        List<JdbiEventSink.LogEntry> logs = sink.logs(10);
        assertThat(logs).extracting(JdbiEventSink.LogEntry::message).containsExactly("verify failed", "retrying", "order placed");
        assertThat(logs.get(0).details()).isEmpty();
        assertThat(logs.get(0).level()).isEqualTo(LogLevel.CRITICAL);
        assertThat(logs.get(1).details()).isEqualTo(details);
        assertThat(logs.get(2).component()).isEqualTo("oms");
        assertThat(logs.get(2).details()).isEqualTo(Map.of("order", "3f1c"));
        assertThat(logs).allSatisfy(l -> assertThat(l.time()).isEqualTo(T0));
        assertThat(sink.logs(2)).hasSize(2);
        String json = database.jdbi().withHandle(h -> h.createQuery("SELECT details FROM system_logs WHERE component = 'oms'")
                .mapTo(String.class).one());
        assertThat(json.replace(" ", "")).isEqualTo("{\"order\":\"3f1c\"}");
    }
}
