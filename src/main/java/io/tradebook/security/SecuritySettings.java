package io.tradebook.security;

import io.tradebook.core.access.LockoutPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunable rules of sign-in and keys. Immutable; refuses non-positive durations and counts.
 *
 * @param bcryptCost              bcrypt cost of new password hashes
 * @param accessTokenLifetime     how long an access token is accepted
 * @param refreshTokenLifetime    how long a sign-in session (its refresh token) lasts without use
 * @param lockout                 when wrong passwords lock a user out
 * @param phoneCodeLifetime       how long a one-time code is valid
 * @param phoneCodeAttempts       wrong tries allowed per code
 * @param phoneCodeInterval       least time between two codes to one number
 * @param keyRequestsPerMinute    rate limit of an API key without its own
 */
public record SecuritySettings(int bcryptCost, Duration accessTokenLifetime, Duration refreshTokenLifetime, LockoutPolicy lockout,
                               Duration phoneCodeLifetime, int phoneCodeAttempts, Duration phoneCodeInterval, int keyRequestsPerMinute) {

    /** Production defaults: cost 12, 15-minute access tokens, 30-day sessions, 5 failures lock for 15 minutes, 10-minute codes. */
    public static final SecuritySettings DEFAULT = new SecuritySettings(12, Duration.ofMinutes(15), Duration.ofDays(30),
            LockoutPolicy.DEFAULT, Duration.ofMinutes(10), 5, Duration.ofSeconds(30), 600);

    public SecuritySettings {
        Objects.requireNonNull(lockout, "lockout");
        for (Duration d : new Duration[] {accessTokenLifetime, refreshTokenLifetime, phoneCodeLifetime, phoneCodeInterval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
        if (phoneCodeAttempts < 1 || keyRequestsPerMinute < 1) {
            throw new IllegalArgumentException("attempts and the key rate limit must be at least 1");
        }
    }

    public SecuritySettings withBcryptCost(int cost) {
        return new SecuritySettings(cost, accessTokenLifetime, refreshTokenLifetime, lockout, phoneCodeLifetime, phoneCodeAttempts,
                phoneCodeInterval, keyRequestsPerMinute);
    }

    public SecuritySettings withLockout(LockoutPolicy policy) {
        return new SecuritySettings(bcryptCost, accessTokenLifetime, refreshTokenLifetime, policy, phoneCodeLifetime, phoneCodeAttempts,
                phoneCodeInterval, keyRequestsPerMinute);
    }

    public SecuritySettings withAccessTokenLifetime(Duration lifetime) {
        return new SecuritySettings(bcryptCost, lifetime, refreshTokenLifetime, lockout, phoneCodeLifetime, phoneCodeAttempts,
                phoneCodeInterval, keyRequestsPerMinute);
    }

    public SecuritySettings withKeyRequestsPerMinute(int perMinute) {
        return new SecuritySettings(bcryptCost, accessTokenLifetime, refreshTokenLifetime, lockout, phoneCodeLifetime, phoneCodeAttempts,
                phoneCodeInterval, perMinute);
    }
}
