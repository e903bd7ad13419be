package io.tradebook.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.InProcessLiveEvents;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.Database;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notification writer stores what the order path hands it off the request thread, gathering
 * a burst into batches: every notification is stored once and published to its user, in the order
 * handed in, and closing stores whatever is still queued.
 */
class NotificationWriterTest {
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");
    private Database database;
    private JdbiEventSink sink;
    private AccountRepository.Account account;
    private final InProcessLiveEvents live = new InProcessLiveEvents();
    private final List<LiveEvent> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        database = TestDatabases.h2();
        sink = new JdbiEventSink(database.jdbi());
        AccountRepository accounts = new AccountRepository(database.jdbi());
        UUID user = accounts.findOrCreateUser("ada@example.com", "Ada");
        account = accounts.openAccount(user, "main", "paper", "P-ada", "CASH", "USD");
        live.subscribe(user, published::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aBurstIsStoredOnceEachAndPublishedInOrder() {
        try (NotificationWriter writer = new NotificationWriter(sink, live)) {
            IntStream.range(0, 300).forEach(i -> writer.submit(filled(i), account.userId()));
            await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 300);
        }
        List<JdbiEventSink.StoredNotification> stored = sink.notifications(account.userId(), 1000);
        assertThat(stored).hasSize(300);
        // newest first, and the ids ascend in the order handed in
        assertThat(stored).extracting(JdbiEventSink.StoredNotification::title)
                .containsExactlyElementsOf(IntStream.range(0, 300).map(i -> 299 - i).mapToObj(i -> "fill " + i).toList());
        assertThat(stored).extracting(JdbiEventSink.StoredNotification::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void closingStoresWhatIsStillQueued() {
        NotificationWriter writer = new NotificationWriter(sink, live);
        IntStream.range(0, 40).forEach(i -> writer.submit(filled(i), account.userId()));
        writer.close();
        assertThat(sink.notifications(account.userId(), 100)).hasSize(40);
        writer.submit(filled(40), account.userId()); // after closing: stored at once
        assertThat(sink.notifications(account.userId(), 100)).hasSize(41);
    }

    private Notification filled(int i) {
        return new Notification(account.id().toString(), NotificationType.ORDER_FILLED, AlertLevel.INFO, "fill " + i,
                "order " + i + " filled", Map.of("n", String.valueOf(i)), T0.plusSeconds(i));
    }
}
