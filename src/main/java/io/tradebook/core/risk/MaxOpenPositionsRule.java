package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;

/**
 * MAX_OPEN_POSITIONS: an order in a symbol where the scope holds nothing would open one more
 * position, and is denied when the scope already holds {@code ≥ limit} open positions. Orders in a
 * symbol already held (adding, reducing or flipping) never open a new one and pass. The observed
 * figure is the number of positions open before the order.
 */
final class MaxOpenPositionsRule implements RuleCheck {
    static final MaxOpenPositionsRule INSTANCE = new MaxOpenPositionsRule();

    private MaxOpenPositionsRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        int open = scope.openPositions();
        BigDecimal observed = BigDecimal.valueOf(open);
        if (!scope.position(order.symbol()).isZero()) {
            return new Observation(observed, false,
                    () -> open + " positions open, " + order.symbol() + " already held, limit " + plain(rule.limit()));
        }
        return new Observation(observed, observed.compareTo(rule.limit()) >= 0,
                () -> "opening " + order.symbol() + " with " + open + " positions already open, limit " + plain(rule.limit()));
    }
}
