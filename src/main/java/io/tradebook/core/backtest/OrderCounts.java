package io.tradebook.core.backtest;

/**
 * How a run's orders ended: how many were submitted, and how many of them filled completely,
 * were rejected (by the checks or the broker), expired (DAY orders at a session close, IOC/FOK),
 * or were cancelled (by a strategy, or by the run at its end: {@code cancelledAtEnd} of them).
 * An order that filled in part before it expired or was cancelled counts as expired or cancelled.
 * Immutable.
 */
public record OrderCounts(long submitted, long filled, long rejected, long expired, long cancelled, long cancelledAtEnd) {
}
