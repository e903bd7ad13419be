package io.tradebook.trading;

import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.events.Notification;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.JdbiEventSink.StoredNotification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the order path's notifications off the request thread: each is queued with its user
 * (known from the account cache, so no lookup), and one writer thread stores what has gathered in
 * one transaction, then publishes each live to its user. So a submit that fills an order does not
 * wait for its "order filled" notification. A notification is advisory: one still queued when the
 * process dies is lost (the order and its fills are not: they are durable before the submit
 * returns); one the database refuses is logged and dropped. Thread-safe.
 */
final class NotificationWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationWriter.class);
    private static final int BATCH = 256;

    /** A notification and its user. */
    private record Addressed(Notification notification, UUID user) {
    }

    private static final Addressed STOP = new Addressed(null, null);

    private final JdbiEventSink stored;
    private final LiveEvents live;
    private final BlockingQueue<Addressed> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    NotificationWriter(JdbiEventSink stored, LiveEvents live) {
        this.stored = stored;
        this.live = live;
        this.writer = new Thread(this::run, "tradebook-notifications");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues {@code n} for {@code user} (null: system-wide); once closed, stores it at once. */
    void submit(Notification n, UUID user) {
        if (closed) {
            write(List.of(new Addressed(n, user)));
            return;
        }
        queue.add(new Addressed(n, user));
    }

    private void run() {
        List<Addressed> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                Addressed first = queue.take();
                if (first == STOP) {
                    return;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                boolean stop = batch.remove(STOP);
                write(batch);
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Addressed> batch) {
        List<StoredNotification> written;
        try {
            written = stored.storeAll(batch.stream().map(Addressed::notification).toList(), batch.stream().map(Addressed::user).toList());
        } catch (RuntimeException together) {
            written = new ArrayList<>();
            for (Addressed a : batch) {
                try {
                    written.addAll(stored.storeAll(List.of(a.notification()), java.util.Collections.singletonList(a.user())));
                } catch (RuntimeException alone) {
                    LOG.error("notification '{}' for user {} could not be stored and is dropped", a.notification().title(), a.user(), alone);
                }
            }
        }
        for (StoredNotification n : written) {
            if (n.userId() != null) {
                live.publish(LiveEventData.notification(n));
            }
        }
    }

    /** Stores every queued notification (waiting at most 10 s) and stops the writer. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Addressed> late = new ArrayList<>();
        queue.drainTo(late);
        late.remove(STOP);
        if (!late.isEmpty()) {
            write(late); // queued while closing
        }
    }
}
