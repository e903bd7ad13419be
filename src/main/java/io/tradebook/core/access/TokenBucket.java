package io.tradebook.core.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: up to {@code capacity} requests at once, refilled evenly at {@code capacity}
 * per {@code period}. Thread-safe (one lock per bucket). Refuses a capacity below 1 or a period
 * that is not positive.
 *
 * <p>Time comes from the injected clock's milliseconds, so tests can move it; a clock that goes
 * backwards adds no tokens.
 */
public final class TokenBucket {
    private final long capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private double tokens;
    private long lastRefill;

    public TokenBucket(long capacity, Duration period, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / period.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = capacity;
        this.lastRefill = clock.millis();
    }

    /**
     * Takes one token if there is one and returns {@link Duration#ZERO}; otherwise takes nothing
     * and returns how long until a token is there.
     */
    public synchronized Duration take() {
        long now = clock.millis();
        if (now > lastRefill) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerMilli);
            lastRefill = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((1 - tokens) / tokensPerMilli));
    }

    public long capacity() {
        return capacity;
    }
}
