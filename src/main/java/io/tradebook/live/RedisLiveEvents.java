package io.tradebook.live;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradebook.core.events.InProcessLiveEvents;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live events shared by every server process of an installation through Redis pub/sub. An event
 * published here is delivered to this process's subscribers at once (never through Redis), and
 * sent on the channel tagged with this process's id; each other process delivers it to its own
 * subscribers. A process ignores its own messages, so every subscriber gets an event exactly once
 * while Redis is up, and there are no loops.
 *
 * <p>When Redis goes away, local delivery goes on; events published meanwhile reach only this
 * process (pub/sub keeps nothing), {@code publish} never waits for Redis, and the {@link Status}
 * listener hears {@code down} once and {@code restored} once Redis is back (Lettuce reconnects and
 * re-subscribes). If Redis cannot be reached at start, the process starts anyway, reports it
 * down and keeps trying. Thread-safe; close it to disconnect.
 *
 * <p>Metrics: {@code tradebook_redis_up} (1 or 0), {@code tradebook_redis_published_total},
 * {@code tradebook_redis_received_total}, {@code tradebook_redis_publish_failures_total}.
 */
public final class RedisLiveEvents implements LiveEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLiveEvents.class);
    private static final int PENDING_COMMANDS = 10_000;

    /** Hears when Redis becomes unreachable and when it is back. Called on a thread of its own, never on a publisher's. */
    public interface Status {
        void down(String reason);

        void restored();
    }

    private final InProcessLiveEvents local = new InProcessLiveEvents();
    private final String process;
    private final String channel;
    private final String display;
    private final Status status;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService worker;
    private final Map<RedisChannelHandler<?, ?>, Boolean> links = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter received;
    private final Counter failures;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile boolean up;
    private boolean reportedDown;
    private volatile boolean closed;

    /**
     * Connects to {@code url} and subscribes to {@code channel}. {@code reconnectAfter} bounds the
     * wait between reconnection attempts (they start at a tenth of it and double).
     */
    public RedisLiveEvents(URI url, String channel, String process, Duration reconnectAfter, Status status, MeterRegistry metrics) {
        this.process = Objects.requireNonNull(process, "process");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.status = Objects.requireNonNull(status, "status");
        this.display = url.getUserInfo() == null ? url.toString() : url.toString().replace(url.getUserInfo() + "@", "***@");
        Duration least = reconnectAfter.dividedBy(10).isZero() ? Duration.ofMillis(1) : reconnectAfter.dividedBy(10);
        this.resources = ClientResources.builder().reconnectDelay(Delay.exponential(least, reconnectAfter, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, RedisURI.create(url));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).requestQueueSize(PENDING_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(5)).keepAlive(true).build()).build());
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradebook-redis-status");
            t.setDaemon(true);
            return t;
        });
        this.published = Counter.builder("tradebook.redis.published").description("Live events sent to Redis").register(metrics);
        this.received = Counter.builder("tradebook.redis.received").description("Live events of other processes received from Redis")
                .register(metrics);
        this.failures = Counter.builder("tradebook.redis.publish.failures")
                .description("Live events that could not be sent to Redis (delivered in this process only)").register(metrics);
        Gauge.builder("tradebook.redis.up", this, r -> r.up ? 1 : 0).description("1 while Redis pub/sub is connected").register(metrics);
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                links.put(connection, true);
                recheck("connected");
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                links.put(connection, false);
                recheck("the connection to Redis at " + display + " was lost");
            }
        });
        connect(reconnectAfter);
    }

    private void connect(Duration retryAfter) {
        if (closed) {
            return;
        }
        StatefulRedisPubSubConnection<String, String> sub = null;
        try {
            sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    if (channel.equals(from)) {
                        receive(message);
                    }
                }
            });
            sub.sync().subscribe(channel);
            StatefulRedisConnection<String, String> pub = client.connect();
            links.put((RedisChannelHandler<?, ?>) sub, true);
            links.put((RedisChannelHandler<?, ?>) pub, true);
            this.subscriber = sub;
            this.publisher = pub;
            recheck("connected");
            LOG.info("live events fan out over Redis at {} on channel {} (process {})", display, channel, process);
        } catch (RuntimeException e) {
            closeQuietly(sub);
            links.clear();
            LOG.warn("cannot reach Redis at {}: {}; live events stay in this process until it answers", display, e.getMessage());
            try {
                worker.execute(() -> report(false, "Redis at " + display + " cannot be reached: " + e.getMessage()));
                worker.schedule(() -> connect(retryAfter), retryAfter.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // closed meanwhile
            }
        }
    }

    private void recheck(String why) {
        if (closed || subscriber == null || publisher == null) {
            return; // still connecting: connect() reports how that went
        }
        boolean now = links.values().stream().allMatch(b -> b);
        try {
            worker.execute(() -> report(now, why));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed meanwhile: nobody to tell
        }
    }

    /** Runs on the worker thread only, so reports come in order and once per change. */
    private void report(boolean nowUp, String why) {
        if (closed) {
            return;
        }
        up = nowUp;
        if (!nowUp && !reportedDown) {
            reportedDown = true;
            safely(() -> status.down(why));
        } else if (nowUp && reportedDown) {
            reportedDown = false;
            safely(status::restored);
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("the Redis status listener failed", e);
        }
    }

    private void receive(String message) {
        LiveEventJson.Tagged tagged;
        try {
            tagged = LiveEventJson.readWire(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored a message on {} that is not a live event: {}", channel, e.getMessage());
            return;
        }
        if (process.equals(tagged.origin())) {
            return; // delivered here when it was published
        }
        received.increment();
        local.publish(tagged.event());
    }

    @Override
    public void publish(LiveEvent event) {
        local.publish(event);
        StatefulRedisConnection<String, String> pub = publisher;
        if (pub == null || !up) {
            failures.increment();
            return;
        }
        String wire;
        try {
            wire = LiveEventJson.wire(process, event);
        } catch (IllegalArgumentException e) {
            LOG.warn("a live event of type {} cannot be written as JSON and stays in this process: {}", event.type(), e.getMessage());
            failures.increment();
            return;
        }
        try {
            pub.async().publish(channel, wire).whenComplete((receivers, error) -> {
                if (error != null) {
                    failures.increment();
                } else {
                    published.increment();
                }
            });
        } catch (RuntimeException e) {
            failures.increment();
        }
    }

    @Override
    public Subscription subscribe(UUID user, Consumer<LiveEvent> listener) {
        return local.subscribe(user, listener);
    }

    @Override
    public Subscription subscribeAll(Consumer<LiveEvent> listener) {
        return local.subscribeAll(listener);
    }

    /** True while both connections to Redis are up. */
    public boolean isUp() {
        return up;
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        closeQuietly(subscriber);
        closeQuietly(publisher);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static void closeQuietly(io.lettuce.core.api.StatefulConnection<?, ?> connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
