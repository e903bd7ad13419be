package io.tradebook.core.access;

/** A user's subscription state (seed 003); names match {@code users.subscription_status}. */
public enum SubscriptionStatus {
    /** No subscription plan applies to this user (the self-hosted default). */
    NONE,
    TRIAL,
    ACTIVE,
    /** Payment is overdue: reading is allowed, trading is not. */
    PAST_DUE,
    /** Cancelled: trading continues until the paid period ends ({@code subscription_expires}). */
    CANCELLED,
    EXPIRED
}
