package io.tradebook.core.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a broker call is tried: at most {@code maxAttempts} attempts, the
 * first at once, then exponential backoff — attempt 2 waits {@code initialBackoff}, attempt 3
 * waits {@code initialBackoff × multiplier}, attempt 4 {@code initialBackoff × multiplier²}, …,
 * each wait capped at {@code maxBackoff}. Immutable.
 *
 * <p>The multiplier is a whole number so that every wait is an exact {@link Duration} (no
 * rounding of fractional nanoseconds). Refuses fewer than one attempt, a negative or null
 * backoff, a multiplier below 1, and a cap below the initial backoff.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, int multiplier, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative: " + initialBackoff);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below initialBackoff " + initialBackoff);
        }
    }

    /** One attempt, no retry: for calls that must not be repeated, and for tests. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);
    }

    /**
     * Four attempts waiting 250 ms, 500 ms and 1 s (cap 5 s): rides out a dropped connection or a
     * broker's brief 503 within about two seconds, short enough that a market order is still
     * worth placing when it finally goes through.
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofMillis(250), 2, Duration.ofSeconds(5));
    }

    /** The wait before attempt {@code attempt} (1-based): zero for the first. Refuses an attempt below 1. */
    public Duration backoffBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        if (attempt == 1) {
            return Duration.ZERO;
        }
        if (multiplier == 1 || initialBackoff.isZero()) {
            return initialBackoff;
        }
        Duration wait = initialBackoff;
        for (int i = 2; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            // compare before multiplying, so a long schedule reaches the cap instead of overflowing Duration
            wait = wait.compareTo(maxBackoff.dividedBy(multiplier)) > 0 ? maxBackoff : wait.multipliedBy(multiplier);
        }
        return wait;
    }
}
