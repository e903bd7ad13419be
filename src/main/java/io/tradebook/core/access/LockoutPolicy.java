package io.tradebook.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When repeated wrong passwords lock a user out: after {@code maxFailures} failures in a row the
 * user cannot sign in with a password for {@code lockFor}; the count then starts again. A
 * successful sign-in resets it. Immutable; refuses fewer than 1 failure or a non-positive lock.
 */
public record LockoutPolicy(int maxFailures, Duration lockFor) {
    /** 5 failures lock for 15 minutes. */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        Objects.requireNonNull(lockFor, "lockFor");
        if (lockFor.isZero() || lockFor.isNegative()) {
            throw new IllegalArgumentException("lockFor must be positive: " + lockFor);
        }
    }

    /**
     * The state after one more failure, given {@code failuresSoFar} before it.
     *
     * @return the failures to store and, when this failure locks, until when (else null)
     */
    public Failure afterFailure(int failuresSoFar, Instant now) {
        int failures = failuresSoFar + 1;
        return failures >= maxFailures ? new Failure(0, now.plus(lockFor)) : new Failure(failures, null);
    }

    /** What to store after a failure: the running count and, if it locked, the end of the lock. Immutable. */
    public record Failure(int failures, Instant lockedUntil) {
        public boolean locked() {
            return lockedUntil != null;
        }
    }
}
