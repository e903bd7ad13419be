package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.money.Money;
import io.tradebook.core.orders.OrderRequest;

/**
 * MIN_CAPITAL_THRESHOLD: denies when equity now is below the limit; equity equal to the limit
 * passes. The observed figure is equity now.
 */
final class MinCapitalThresholdRule implements RuleCheck {
    static final MinCapitalThresholdRule INSTANCE = new MinCapitalThresholdRule();

    private MinCapitalThresholdRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        Money equity = scope.equity();
        return new Observation(equity.amount(), equity.amount().compareTo(rule.limit()) < 0,
                () -> "equity is " + equity + ", limit " + plain(rule.limit()));
    }
}
