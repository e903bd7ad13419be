package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RISK_PER_TRADE: the money the order puts at risk must not exceed {@code limit × equity now}.
 * With a stop price the amount at risk is {@code quantity × |reference − stop|}; without one it is
 * the order's whole notional {@code quantity × reference}. The whole order quantity counts, also
 * for an order that flips a position. Without a reference price the rule denies. The observed
 * figure is the amount at risk as a fraction of equity (none when equity is zero or less).
 */
final class RiskPerTradeRule implements RuleCheck {
    static final RiskPerTradeRule INSTANCE = new RiskPerTradeRule();

    private RiskPerTradeRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        Optional<Price> found = scope.referencePrice(order.symbol());
        if (found.isEmpty()) {
            return Observation.unmeasured(() -> "no reference price for " + order.symbol() + " to measure the amount at risk, limit "
                    + plain(rule.limit()) + " of equity");
        }
        Price reference = found.get();
        Price stop = order.stopPrice();
        Money atRisk;
        Supplier<String> how;
        if (stop != null) {
            if (stop.currency() != reference.currency()) {
                throw new IllegalArgumentException("stop price in " + stop.currency() + ", reference price in " + reference.currency());
            }
            BigDecimal distance = reference.value().subtract(stop.value()).abs();
            atRisk = order.quantity().times(Price.of(distance, reference.currency()));
            how = () -> order.quantity() + " units × |" + reference.toPlainString() + " − " + stop.toPlainString() + "|";
        } else {
            atRisk = order.quantity().times(reference);
            how = () -> order.quantity() + " units × " + reference.toPlainString() + ", no stop";
        }
        Money equity = scope.equity();
        BigDecimal allowed = rule.limit().multiply(equity.amount());
        BigDecimal fraction = equity.signum() > 0
                ? Observation.fraction(atRisk.amount(), equity.amount(), RoundingMode.CEILING) : null;
        Money risk = atRisk;
        Supplier<String> explained = how;
        return new Observation(fraction, atRisk.amount().compareTo(allowed) > 0,
                () -> risk + " at risk (" + explained.get() + "), " + plain(allowed) + " allowed, limit " + plain(rule.limit())
                        + " of equity " + equity.toPlainString());
    }
}
