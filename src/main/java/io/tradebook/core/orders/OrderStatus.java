package io.tradebook.core.orders;

/**
 * The states of an order (seed 004 plus EXPIRED). Which moves between them are legal is held in
 * one place, {@link OrderTransitions}.
 */
public enum OrderStatus {
    /** Accepted by the order path (validated, risk-checked), not yet sent to the broker. */
    PENDING,
    /** Sent to the broker; working. */
    PLACED,
    PARTIALLY_FILLED,
    FILLED,
    /** Refused by validation, risk, buying power or the broker. */
    REJECTED,
    CANCELLED,
    /** A DAY order at the session close, or an IOC/FOK remainder. */
    EXPIRED;

    /** True for FILLED, REJECTED, CANCELLED and EXPIRED: nothing can happen to the order any more. */
    public boolean isTerminal() {
        return this == FILLED || this == REJECTED || this == CANCELLED || this == EXPIRED;
    }
}
