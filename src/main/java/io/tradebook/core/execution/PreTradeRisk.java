package io.tradebook.core.execution;

import io.tradebook.core.money.Price;
import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The pre-trade risk check the order path asks before an order goes out. An implementation
 * evaluates the account's (and the strategy's) rules, keeps their current values and violated
 * flags, records a risk event for a denial, and lets an order that only reduces a position pass.
 */
@FunctionalInterface
public interface PreTradeRisk {

    /** Why {@code request} (to become order {@code orderId}) may not go, or empty when it may. */
    Optional<Denial> check(String orderId, OrderRequest request, Price referencePrice);

    /** A denial: which rule, a message that names it and the numbers, the limit and what was observed. */
    record Denial(String ruleId, String ruleType, String message, BigDecimal limit, BigDecimal observed) {
    }

    /** No rules at all. */
    PreTradeRisk NONE = (orderId, request, price) -> Optional.empty();
}
