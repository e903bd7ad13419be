package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.Objects;

/**
 * A rate per unit with a minimum per order, the way US equity brokers charge: an order that has
 * filled {@code q} units has cost {@code max(minimum, rate × q)} in all (nothing before its first
 * fill). Each fill is charged the increase, so partial fills add up to exactly that total: the
 * first fill pays at least the minimum, later fills pay only once the rate has caught up with it.
 *
 * <p>Immutable. Refuses null, negative amounts, a rate and minimum in different currencies, and a
 * rate with more than 12 decimals (so that {@code rate × quantity} stays exact). Refuses (with an
 * {@link IllegalArgumentException}) a fill priced in another currency.
 */
public record PerShareCommission(Money ratePerUnit, Money minimumPerOrder) implements CommissionModel {

    public PerShareCommission {
        Objects.requireNonNull(ratePerUnit, "ratePerUnit");
        Objects.requireNonNull(minimumPerOrder, "minimumPerOrder");
        if (ratePerUnit.isNegative() || minimumPerOrder.isNegative()) {
            throw new IllegalArgumentException("commission rate and minimum must not be negative");
        }
        if (ratePerUnit.currency() != minimumPerOrder.currency()) {
            throw new IllegalArgumentException("commission rate in " + ratePerUnit.currency() + " but minimum in "
                    + minimumPerOrder.currency());
        }
        if (ratePerUnit.amount().stripTrailingZeros().scale() > 12) {
            throw new IllegalArgumentException("commission rate has more than 12 decimals: " + ratePerUnit);
        }
    }

    @Override
    public Money commission(Quantity filledBefore, Quantity fillQuantity, Price price) {
        if (price.currency() != ratePerUnit.currency()) {
            throw new IllegalArgumentException("commission in " + ratePerUnit.currency() + " on a fill in " + price.currency());
        }
        return totalAfter(filledBefore.plus(fillQuantity)).minus(totalAfter(filledBefore));
    }

    /** What an order that has filled {@code filled} has cost in all. */
    private Money totalAfter(Quantity filled) {
        if (filled.isZero()) {
            return Money.zero(ratePerUnit.currency());
        }
        Money byRate = Money.of(ratePerUnit.amount().multiply(filled.value()), ratePerUnit.currency());
        return byRate.compareTo(minimumPerOrder) >= 0 ? byRate : minimumPerOrder;
    }
}
