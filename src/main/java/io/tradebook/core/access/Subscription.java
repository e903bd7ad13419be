package io.tradebook.core.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's subscription: its status and when it runs out. Immutable.
 *
 * <p>The one rule for "may this user trade?": an expired subscription may read but not trade.
 * Expired means status {@code EXPIRED} or {@code PAST_DUE}, or an expiry time that has passed
 * (whatever the status says), or {@code CANCELLED} without a paid period left. {@code NONE},
 * {@code TRIAL} and {@code ACTIVE} without an expiry trade freely.
 *
 * @param status    never null
 * @param expiresAt when the subscription runs out; null for never
 */
public record Subscription(SubscriptionStatus status, Instant expiresAt) {
    /** The self-hosted default: no plan, no expiry. */
    public static final Subscription NONE = new Subscription(SubscriptionStatus.NONE, null);

    public Subscription {
        Objects.requireNonNull(status, "status");
    }

    /** True when the user may place or change orders at {@code now}. */
    public boolean allowsTrading(Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return false;
        }
        return switch (status) {
            case NONE, TRIAL, ACTIVE -> true;
            case CANCELLED -> expiresAt != null;
            case PAST_DUE, EXPIRED -> false;
        };
    }

    /** The status as of {@code now}: {@code EXPIRED} once the expiry time has passed. */
    public SubscriptionStatus statusAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt) ? SubscriptionStatus.EXPIRED : status;
    }
}
