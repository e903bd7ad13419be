package io.tradebook.core.execution;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Quantity;

/** A working order as the broker knows it. Immutable. */
public record BrokerOrder(String orderId, String brokerOrderId, String symbol, Side side, Quantity remaining) {
}
