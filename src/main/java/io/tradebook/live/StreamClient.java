package io.tradebook.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One connected client of the event stream: a bounded queue of rendered frames, filled by
 * publishers (who never wait: a full queue marks the client as overflowed instead), and a writer
 * thread of its own that sends the frames to its {@link FrameSink}, a heartbeat when nothing has been sent for a
 * while, and re-checks that the client's credential still holds. When the queue overflows, the
 * writer discards what is queued, sends a {@code resync} event and ends the stream. Thread-safe.
 */
final class StreamClient implements Runnable {
    private static final byte[] POISON = new byte[0];

    private final UUID user;
    private final ArrayBlockingQueue<byte[]> queue;
    private final List<byte[]> initial;
    private final FrameSink out;
    private final BooleanSupplier stillAllowed;
    private final long heartbeatNanos;
    private final EventStreams hub;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile byte[] overflowFrame;
    private volatile boolean closing;

    StreamClient(UUID user, int capacity, List<byte[]> initial, FrameSink out, BooleanSupplier stillAllowed, Duration heartbeat,
                 EventStreams hub) {
        this.user = user;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.initial = List.copyOf(initial);
        this.out = out;
        this.stillAllowed = stillAllowed;
        this.heartbeatNanos = heartbeat.toNanos();
        this.hub = hub;
    }

    UUID user() {
        return user;
    }

    /** Completes when the stream has ended, for whatever reason. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /**
     * Queues {@code frame}; never waits. False when the queue is full: the client is then
     * overflowed, will get {@code resyncFrame} and be disconnected.
     */
    boolean offer(byte[] frame, byte[] resyncFrame) {
        if (overflowFrame != null || closing) {
            return false;
        }
        if (queue.offer(frame)) {
            return true;
        }
        overflowFrame = resyncFrame;
        return false;
    }

    /** Asks the writer to end the stream after what it is writing now. */
    void close() {
        closing = true;
        queue.clear();
        queue.offer(POISON);
    }

    @Override
    public void run() {
        try {
            for (byte[] frame : initial) {
                out.send(frame);
            }
            out.flush();
            hub.sent(initial.size());
            long lastCheck = System.nanoTime();
            while (!closing) {
                if (overflowFrame != null) {
                    hub.dropped(queue.size());
                    queue.clear();
                    out.send(overflowFrame);
                    out.flush();
                    break;
                }
                byte[] frame = queue.poll(heartbeatNanos, TimeUnit.NANOSECONDS);
                if (frame == POISON || closing) {
                    break;
                }
                if (System.nanoTime() - lastCheck >= heartbeatNanos) {
                    if (!stillAllowed.getAsBoolean()) {
                        out.end("the credential of this stream has ended; sign in again");
                        break;
                    }
                    lastCheck = System.nanoTime();
                }
                if (frame == null) {
                    out.heartbeat();
                } else {
                    int written = 0;
                    for (byte[] f = frame; f != null && f != POISON && overflowFrame == null; f = queue.poll()) {
                        out.send(f);
                        written++;
                    }
                    hub.sent(written);
                }
                out.flush();
            }
        } catch (IOException gone) {
            // the client went away: nothing to send it any more
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            hub.failed(this, e);
        } finally {
            hub.remove(this);
            finished.complete(null);
        }
    }
}
