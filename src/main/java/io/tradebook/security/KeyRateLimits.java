package io.tradebook.security;

import io.tradebook.core.access.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per API key, holding a minute's worth of its rate limit. By default the
 * buckets live in this process (with several server processes, each allows the limit);
 * {@link RedisKeyRateLimits} shares them between processes through Redis, and uses this process's
 * own buckets while Redis cannot answer. A key whose limit changes gets a fresh bucket. Thread-safe.
 */
public class KeyRateLimits implements AutoCloseable {
    private final ConcurrentMap<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public KeyRateLimits(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes one request for key {@code keyId} allowed {@code perMinute}; returns how long to wait, zero when allowed. */
    public Duration take(UUID keyId, int perMinute) {
        return local(keyId, perMinute);
    }

    /** From this process's own bucket of the key. */
    protected final Duration local(UUID keyId, int perMinute) {
        TokenBucket bucket = buckets.compute(keyId, (id, current) -> current != null && current.capacity() == perMinute ? current
                : new TokenBucket(perMinute, Duration.ofMinutes(1), clock));
        return bucket.take();
    }

    protected final Clock clock() {
        return clock;
    }

    /** Releases what the limits hold outside this process (nothing, for this process's own buckets). */
    @Override
    public void close() {
    }
}
