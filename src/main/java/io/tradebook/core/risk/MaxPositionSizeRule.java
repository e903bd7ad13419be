package io.tradebook.core.risk;

import static io.tradebook.core.risk.Observation.plain;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * MAX_POSITION_SIZE: the size of the scope's position in the order's symbol after the order,
 * {@code |position + signed order quantity|}, in units (QUANTITY) or valued at the reference price
 * (NOTIONAL), must not exceed the limit. Equal to the limit passes. Without a reference price a
 * NOTIONAL limit cannot be measured and the rule denies.
 */
final class MaxPositionSizeRule implements RuleCheck {
    static final MaxPositionSizeRule INSTANCE = new MaxPositionSizeRule();

    private MaxPositionSizeRule() {
    }

    @Override
    public Observation observe(RiskRule rule, OrderRequest order, RiskContext scope) {
        String symbol = order.symbol();
        Quantity size = scope.position(symbol).plus(RuleCheck.signedQuantity(order)).abs();
        if (rule.unit() == RuleUnit.QUANTITY) {
            BigDecimal observed = size.value();
            return new Observation(observed, observed.compareTo(rule.limit()) > 0,
                    () -> "position in " + symbol + " would be " + size + " units, limit " + plain(rule.limit()));
        }
        Optional<Price> reference = scope.referencePrice(symbol);
        if (reference.isEmpty()) {
            return Observation.unmeasured(() -> "no reference price for " + symbol + " to value a position of " + size
                    + " units, limit " + plain(rule.limit()) + " notional");
        }
        Money notional = size.times(reference.get());
        return new Observation(notional.amount(), notional.amount().compareTo(rule.limit()) > 0,
                () -> "position in " + symbol + " would be " + size + " units worth " + notional + " at "
                        + reference.get().toPlainString() + ", limit " + plain(rule.limit()));
    }
}
