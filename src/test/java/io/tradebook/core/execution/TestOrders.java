package io.tradebook.core.execution;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import java.time.Instant;

/** Terse orders for execution tests. */
final class TestOrders {
    static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");

    private TestOrders() {
    }

    static Order marketBuy(String id, String account, String symbol, long quantity) {
        return Order.accept(id, OrderRequest.market(account, "alpha", symbol, Side.BUY, Quantity.of(quantity)),
                Money.zero(Currency.USD), T0);
    }
}
