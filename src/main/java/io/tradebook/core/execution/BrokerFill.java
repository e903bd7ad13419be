package io.tradebook.core.execution;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution as a broker reports it, for the order {@code orderId} (Tradebook's id).
 * {@code tradeId} is the broker's unique id of the execution: a fill is applied once per id.
 * Immutable.
 */
public record BrokerFill(String orderId, String brokerOrderId, String tradeId, Quantity quantity, Price price, Money fee,
                         Instant time) {
    public BrokerFill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("fill quantity must be positive");
        }
    }
}
