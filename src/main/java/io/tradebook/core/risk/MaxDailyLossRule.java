package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.money.Money;
import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * MAX_DAILY_LOSS: the loss today is {@code day-start equity − equity now} (negative on a winning
 * day). The rule denies when the loss reaches the limit: {@code loss ≥ limit} for an AMOUNT,
 * {@code loss ≥ limit × day-start equity} for a FRACTION (cross-multiplied, never divided). A
 * FRACTION cannot be applied to a day-start equity of zero or less, so the rule then denies.
 * The observed figure is the loss (AMOUNT) or the loss as a fraction of day-start equity.
 */
final class MaxDailyLossRule implements RuleCheck {
    static final MaxDailyLossRule INSTANCE = new MaxDailyLossRule();

    private MaxDailyLossRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        Money start = scope.dayStartEquity();
        Money now = scope.equity();
        Money loss = start.minus(now);
        if (rule.unit() == RuleUnit.AMOUNT) {
            return new Observation(loss.amount(), loss.amount().compareTo(rule.limit()) >= 0,
                    () -> "loss today is " + loss + " (equity " + now.toPlainString() + " against " + start.toPlainString()
                            + " at day start), limit " + plain(rule.limit()));
        }
        if (start.signum() <= 0) {
            return Observation.unmeasured(() -> "day-start equity is " + start + ", so a loss limit of " + plain(rule.limit())
                    + " of it cannot be applied");
        }
        BigDecimal allowed = rule.limit().multiply(start.amount());
        BigDecimal fraction = Observation.fraction(loss.amount(), start.amount(), RoundingMode.FLOOR);
        return new Observation(fraction, loss.amount().compareTo(allowed) >= 0,
                () -> "loss today is " + loss + ", " + plain(fraction) + " of day-start equity " + start.toPlainString()
                        + ", limit " + plain(rule.limit()) + " (" + plain(allowed) + " " + start.currency() + ")");
    }
}
