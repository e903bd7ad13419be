package io.tradebook.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the Server-Sent Events stream: takes every live event once (one firehose
 * subscription), numbers it, keeps it in its user's replay buffer (or the public one, for events
 * for everyone) and queues it for each connected client it is for. A client's events are its
 * user's and the public ones, never another user's.
 *
 * <p>Event ids are {@code <process>-<sequence>}: the sequence counts the events this process has
 * streamed since it started, and the process part is this process's id. A client that reconnects
 * with {@code Last-Event-ID} gets what it missed from the buffers, or a {@code resync} event when
 * that is not possible (evicted, another process's id, a restart); after a {@code resync} a client
 * reads the state it shows again through the API. Publishers never wait for a client: a client
 * whose queue is full gets a {@code resync} and is disconnected.
 *
 * <p>Metrics: {@code tradebook_stream_clients} (connected now), {@code tradebook_stream_events_sent_total},
 * {@code tradebook_stream_events_dropped_total} (queued for a client that overflowed) and
 * {@code tradebook_stream_overflows_total}. Thread-safe; close it to end every stream.
 */
public final class EventStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

    /**
     * How streams behave. Immutable.
     *
     * @param queueCapacity  frames a client may have waiting before it counts as too slow
     * @param userBuffer     events kept per user for resuming
     * @param publicBuffer   public events (prices) kept for resuming
     * @param heartbeat      how long a stream may be silent before a heartbeat comment; also how often
     *                       its credential is re-checked
     * @param keepBuffers    how long a user's buffer outlives their last client
     * @param maxClients     connected clients this process accepts
     */
    public record Settings(int queueCapacity, int userBuffer, int publicBuffer, Duration heartbeat, Duration keepBuffers, int maxClients) {
        public static final Settings DEFAULT = new Settings(1024, 512, 2048, Duration.ofSeconds(15), Duration.ofMinutes(10), 1000);

        public Settings {
            if (queueCapacity < 1 || userBuffer < 1 || publicBuffer < 1 || maxClients < 1) {
                throw new IllegalArgumentException("stream capacities must be positive");
            }
            if (heartbeat.isNegative() || heartbeat.isZero() || keepBuffers.isNegative()) {
                throw new IllegalArgumentException("the heartbeat must be positive and buffers kept a non-negative time");
            }
        }
    }

    /** Why a stream could not be opened. */
    public enum Refused { TOO_MANY_CLIENTS }

    private final String process;
    private final Settings settings;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<UUID, List<StreamClient>> clientsByUser = new HashMap<>();
    private final List<StreamClient> clients = new ArrayList<>();
    private final Map<UUID, ReplayBuffer> userBuffers = new HashMap<>();
    private final ReplayBuffer publicBuffer;
    private final LiveEvents.Subscription firehose;
    private final ScheduledExecutorService sweeper;
    private final Counter sentCounter;
    private final Counter droppedCounter;
    private final Counter overflowCounter;
    private long sequence;

    public EventStreams(LiveEvents events, String process, Settings settings, MeterRegistry metrics, Clock clock) {
        this.process = Objects.requireNonNull(process, "process");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publicBuffer = new ReplayBuffer(settings.publicBuffer(), 0, clock.instant());
        Gauge.builder("tradebook.stream.clients", this, EventStreams::clients).description("Clients connected to the event stream")
                .register(metrics);
        this.sentCounter = Counter.builder("tradebook.stream.events.sent").description("Events and heartbeats written to stream clients")
                .register(metrics);
        this.droppedCounter = Counter.builder("tradebook.stream.events.dropped")
                .description("Events not sent because their client was too slow").register(metrics);
        this.overflowCounter = Counter.builder("tradebook.stream.overflows")
                .description("Clients disconnected because their queue overflowed").register(metrics);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradebook-stream-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, Math.min(settings.keepBuffers().toMillis(), 60_000));
        sweeper.scheduleWithFixedDelay(this::dropIdleBuffers, every, every, TimeUnit.MILLISECONDS);
        this.firehose = events.subscribeAll(this::accept);
    }

    /** This process's id, the first part of every event id it gives. */
    public String process() {
        return process;
    }

    /** A stream being opened: start it once the response headers are out. */
    public interface Stream {
        /** Starts writing (on a thread of its own); the future completes when the stream ends. */
        java.util.concurrent.CompletableFuture<Void> start();

        /** Ends the stream (the peer went away); harmless after it has ended. */
        void stop();
    }

    /**
     * Opens a stream for {@code user} onto {@code out}, resuming after {@code lastEventId} when
     * given (null for a fresh start). {@code stillAllowed} is asked at every heartbeat whether the
     * client's credential still holds; when it does not, the stream ends. The stream's first
     * frames are the replay (or a {@code resync}) and a {@code ready} event.
     */
    public Opening open(UUID user, String lastEventId, FrameSink out, BooleanSupplier stillAllowed) {
        Objects.requireNonNull(user, "user");
        synchronized (lock) {
            if (clients.size() >= settings.maxClients()) {
                return new Opening(null, Refused.TOO_MANY_CLIENTS);
            }
            Instant now = clock.instant();
            ReplayBuffer own = userBuffers.computeIfAbsent(user, u -> new ReplayBuffer(settings.userBuffer(), sequence, now));
            own.markIdle(null);
            List<byte[]> initial = new ArrayList<>();
            if (lastEventId != null) {
                initial.addAll(resume(own, lastEventId));
            }
            initial.add(frame(sequence, "ready", control("ready", Map.of("process", process, "resumed", lastEventId != null))));
            StreamClient client = new StreamClient(user, settings.queueCapacity(), initial, out, stillAllowed, settings.heartbeat(), this);
            clients.add(client);
            clientsByUser.computeIfAbsent(user, u -> new ArrayList<>()).add(client);
            return new Opening(new Stream() {
                @Override
                public java.util.concurrent.CompletableFuture<Void> start() {
                    Thread writer = new Thread(client, "tradebook-stream-" + user.toString().substring(0, 8));
                    writer.setDaemon(true);
                    writer.start();
                    return client.finished();
                }

                @Override
                public void stop() {
                    client.close();
                    remove(client);
                }
            }, null);
        }
    }

    /** What {@link #open} gives: a stream to start, or why there is none. Immutable. */
    public record Opening(Stream stream, Refused refused) {
    }

    private List<byte[]> resume(ReplayBuffer own, String lastEventId) {
        long after = parse(lastEventId);
        if (after < 0 || after > sequence) {
            return List.of(resync("unknown-id", "this server did not give event id " + abbreviate(lastEventId)
                    + " (it restarted, or another server did); read the state again"));
        }
        if (!own.holdsEverythingAfter(after) || !publicBuffer.holdsEverythingAfter(after)) {
            return List.of(resync("missed", "events after " + lastEventId + " are no longer kept; read the state again"));
        }
        List<ReplayBuffer.Entry> missed = new ArrayList<>(own.after(after));
        missed.addAll(publicBuffer.after(after));
        if (missed.size() > settings.queueCapacity()) {
            return List.of(resync("missed", "too many events after " + lastEventId + " to replay; read the state again"));
        }
        missed.sort(Comparator.comparingLong(ReplayBuffer.Entry::sequence));
        return missed.stream().map(ReplayBuffer.Entry::frame).toList();
    }

    private long parse(String lastEventId) {
        String prefix = process + "-";
        if (!lastEventId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void accept(LiveEvent event) {
        if (!anyoneFor(event)) {
            return; // no stream and no replay buffer of its user: nobody could ever read it
        }
        String json;
        try {
            json = LiveEventJson.client(event);
        } catch (RuntimeException bad) {
            LOG.warn("a live event of type {} cannot be written as JSON and is not streamed: {}", event.type(), bad.getMessage());
            return;
        }
        synchronized (lock) {
            long seq = ++sequence;
            byte[] frame = frame(seq, event.type(), json);
            Instant now = clock.instant();
            if (event.userId() == null) {
                publicBuffer.add(seq, frame, now);
                deliver(List.copyOf(clients), frame, seq);
            } else {
                ReplayBuffer own = userBuffers.get(event.userId());
                if (own != null) {
                    own.add(seq, frame, now);
                }
                List<StreamClient> theirs = clientsByUser.get(event.userId());
                if (theirs != null) {
                    deliver(List.copyOf(theirs), frame, seq);
                }
            }
        }
    }

    /** Whether a client may receive {@code event}, now or on resuming: it is public, or its user has a stream or a replay buffer. */
    private boolean anyoneFor(LiveEvent event) {
        if (event.userId() == null) {
            return true;
        }
        synchronized (lock) {
            return userBuffers.containsKey(event.userId()) || clientsByUser.containsKey(event.userId());
        }
    }

    private void deliver(List<StreamClient> targets, byte[] frame, long seq) {
        for (StreamClient c : targets) {
            if (!c.offer(frame, resyncAt(seq - 1))) {
                droppedCounter.increment();
                if (detach(c)) {
                    overflowCounter.increment();
                }
            }
        }
    }

    private byte[] resyncAt(long seq) {
        return frame(seq, "resync", control("resync", Map.of("reason", "overflow",
                "message", "this client fell too far behind and is disconnected; read the state again and reconnect")));
    }

    private byte[] resync(String reason, String message) {
        return frame(sequence, "resync", control("resync", Map.of("reason", reason, "message", message)));
    }

    /** A stream's own event (ready, resync) in the same {type, time, data} form as the others. */
    private String control(String type, Map<String, Object> data) {
        return LiveEventJson.client(new LiveEvent(null, type, data, clock.instant()));
    }

    private byte[] frame(long seq, String type, String json) {
        return ("id: " + process + "-" + seq + "\nevent: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends every connected client a {@code resync} event: they may have missed events (from other
     * servers, while Redis was away) and should read the state again.
     */
    public void resyncAll(String reason, String message) {
        synchronized (lock) {
            deliver(List.copyOf(clients), resync(reason, message), sequence + 1);
        }
    }

    /** Forgets {@code client} (its stream ended); true when it was still registered. */
    private boolean detach(StreamClient client) {
        boolean was = clients.remove(client);
        List<StreamClient> theirs = clientsByUser.get(client.user());
        if (theirs != null) {
            theirs.remove(client);
            if (theirs.isEmpty()) {
                clientsByUser.remove(client.user());
                ReplayBuffer own = userBuffers.get(client.user());
                if (own != null) {
                    own.markIdle(clock.instant());
                }
            }
        }
        return was;
    }

    void remove(StreamClient client) {
        synchronized (lock) {
            detach(client);
        }
    }

    void sent(int frames) {
        sentCounter.increment(frames);
    }

    void dropped(int frames) {
        droppedCounter.increment(frames);
    }

    void failed(StreamClient client, RuntimeException e) {
        LOG.warn("a stream of user {} failed", client.user(), e);
    }

    /** How many clients are connected now. */
    public int clients() {
        synchronized (lock) {
            return clients.size();
        }
    }

    /**
     * Drops buffered events older than {@code cutoff} (the retention of real-time messages); a
     * client resuming from before them gets a {@code resync}. Returns how many were dropped.
     */
    public int evictBefore(Instant cutoff) {
        synchronized (lock) {
            int n = publicBuffer.evictBefore(cutoff);
            for (ReplayBuffer b : userBuffers.values()) {
                n += b.evictBefore(cutoff);
            }
            return n;
        }
    }

    /** Events kept for resuming, in every buffer. */
    public int buffered() {
        synchronized (lock) {
            return publicBuffer.size() + userBuffers.values().stream().mapToInt(ReplayBuffer::size).sum();
        }
    }

    private void dropIdleBuffers() {
        Instant cutoff = clock.instant().minus(settings.keepBuffers());
        synchronized (lock) {
            userBuffers.values().removeIf(b -> b.idleSince() != null && b.idleSince().isBefore(cutoff));
        }
    }

    @Override
    public void close() {
        firehose.close();
        sweeper.shutdownNow();
        List<StreamClient> open;
        synchronized (lock) {
            open = List.copyOf(clients);
        }
        open.forEach(StreamClient::close);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
