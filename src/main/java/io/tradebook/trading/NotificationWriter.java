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
 * wait for its "order filled" notification. The writer lets a batch gather for up to
 * {@link #LINGER_NANOS} after its first notification: under load, a transaction then stores
 * dozens instead of two or three (each transaction costs the database about as much as its rows),
 * and a notification reaches its user a few milliseconds later. A notification is advisory: one still queued when the
 * process dies is lost (the order and its fills are not: they are durable before the submit
 * returns); one the database refuses is logged and dropped. Thread-safe.
 */
final class NotificationWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationWriter.class);
    private static final int BATCH = 256;
    /** How long a batch may gather after its first notification: 5 ms. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

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
                gather(batch, System.nanoTime() + LINGER_NANOS);
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

    /** Adds to {@code batch} what is queued, and what arrives until {@code deadline}, up to a full batch or a stop. */
    private void gather(List<Addressed> batch, long deadline) throws InterruptedException {
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            if (batch.size() >= BATCH || batch.get(batch.size() - 1) == STOP || closed) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Addressed next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
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
