package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.Objects;

/**
 * A flat fee per order, charged on the order's first fill; later partial fills of the same order
 * are free. Immutable. Refuses null and a negative amount, and (with an
 * {@link IllegalArgumentException}) a fill priced in another currency.
 */
public record FixedPerOrderCommission(Money amount) implements CommissionModel {

    public FixedPerOrderCommission {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("commission must not be negative: " + amount);
        }
    }

    @Override
    public Money commission(Quantity filledBefore, Quantity fillQuantity, Price price) {
        if (price.currency() != amount.currency()) {
            throw new IllegalArgumentException("commission in " + amount.currency() + " on a fill in " + price.currency());
        }
        return filledBefore.isZero() ? amount : Money.zero(amount.currency());
    }
}
