package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;

/**
 * MAX_ORDERS_PER_DAY: denies when the scope has already submitted {@code ≥ limit} orders today
 * (not counting the one being checked), so a limit of 10 lets ten orders through. The observed
 * figure is that count.
 */
final class MaxOrdersPerDayRule implements RuleCheck {
    static final MaxOrdersPerDayRule INSTANCE = new MaxOrdersPerDayRule();

    private MaxOrdersPerDayRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        BigDecimal submitted = BigDecimal.valueOf(scope.ordersToday());
        return new Observation(submitted, submitted.compareTo(rule.limit()) >= 0,
                () -> submitted + " orders submitted today, limit " + plain(rule.limit()));
    }
}
