package io.tradebook.core.orders;

import java.time.Instant;

/**
 * One step in an order's history (seed 004's status, broker order id, error message and retry
 * count, kept for every transition): what the order moved from and to, when, and why. Immutable.
 * {@code from} is null for the event that created the order; {@code from == to} for an amendment
 * or a retry.
 */
public record OrderEvent(String orderId, OrderStatus from, OrderStatus to, Instant time, String brokerOrderId, String message,
                         int retryCount) {

    public static OrderEvent of(Order before, Order after) {
        return new OrderEvent(after.id(), before == null ? null : before.status(), after.status(), after.updatedAt(),
                after.brokerOrderId(), after.message(), after.retryCount());
    }
}
