package io.tradebook.core.strategies;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sizing rule every strategy's {@code allocation} follows: a new position gets
 * {@code floor(allocation × equity / price)} units, counted in whole lots of the instrument (one
 * share for an equity, 1e-8 for crypto): {@code floor(allocation × equity / (price × lot)) × lot}.
 * Exact (BigDecimal, rounded only by the floor). Zero when the equity is not positive or buys no
 * whole lot. Stateless.
 */
public final class PositionSizing {
    private PositionSizing() {
    }

    /** Refuses an allocation outside (0, 1], a non-positive price or lot, and money in another currency than the price. */
    public static Quantity units(BigDecimal allocation, Money equity, Price price, Quantity lot) {
        if (allocation.signum() <= 0 || allocation.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("allocation must be above 0 and at most 1: " + allocation.toPlainString());
        }
        if (!price.isPositive() || !lot.isPositive()) {
            throw new IllegalArgumentException("sizing needs a positive price and lot: " + price + ", " + lot);
        }
        if (equity.currency() != price.currency()) {
            throw new IllegalArgumentException("equity in " + equity.currency() + ", price in " + price.currency());
        }
        if (equity.signum() <= 0) {
            return Quantity.ZERO;
        }
        BigDecimal lots = allocation.multiply(equity.amount()).divide(price.value().multiply(lot.value()), 0, RoundingMode.FLOOR);
        return lots.signum() == 0 ? Quantity.ZERO : Quantity.of(lots.multiply(lot.value()));
    }
}
