package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;

/** Charges nothing. Immutable and stateless. */
public record NoCommission() implements CommissionModel {

    @Override
    public Money commission(Quantity filledBefore, Quantity fillQuantity, Price price) {
        return Money.zero(price.currency());
    }
}
