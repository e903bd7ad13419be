package io.tradebook.core.execution;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.OrderRequest;

/** What the order path expects an order to cost in fees, so that buying power holds it back too. */
@FunctionalInterface
public interface FeeEstimate {
    Money estimate(OrderRequest request, Price price);
}
