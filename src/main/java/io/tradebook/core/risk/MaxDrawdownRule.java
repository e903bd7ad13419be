package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.money.Money;
import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * MAX_DRAWDOWN: the drawdown is {@code (peak − equity now) / peak}; the rule denies when it
 * reaches the limit, decided as {@code peak − equity ≥ limit × peak} (no division). The peak is
 * never taken below equity now, since a high-water mark includes the present. A peak of zero or
 * less gives no drawdown to measure, and the rule then denies.
 */
final class MaxDrawdownRule implements RuleCheck {
    static final MaxDrawdownRule INSTANCE = new MaxDrawdownRule();

    private MaxDrawdownRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        Money now = scope.equity();
        Money peak = scope.peakEquity().compareTo(now) >= 0 ? scope.peakEquity() : now;
        if (peak.signum() <= 0) {
            return Observation.unmeasured(() -> "peak equity is " + peak + ", so a drawdown cannot be measured, limit "
                    + plain(rule.limit()));
        }
        BigDecimal fall = peak.minus(now).amount();
        BigDecimal drawdown = Observation.fraction(fall, peak.amount(), RoundingMode.FLOOR);
        return new Observation(drawdown, fall.compareTo(rule.limit().multiply(peak.amount())) >= 0,
                () -> "drawdown is " + plain(drawdown) + " (equity " + now.toPlainString() + " against peak "
                        + peak.toPlainString() + "), limit " + plain(rule.limit()));
    }
}
