package io.tradebook.core.orders;

/** How long an order works: the trading day, until cancelled, immediate-or-cancel, fill-or-kill. */
public enum TimeInForce {
    /** Expires at the session close. */
    DAY,
    /** Good till cancelled. */
    GTC,
    /** Fills what it can at once; the rest is cancelled. */
    IOC,
    /** Fills completely at once, or not at all (cancelled). */
    FOK
}
