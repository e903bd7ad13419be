package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;

/**
 * What the paper broker charges for a fill, as exact money in the price's currency, never
 * negative. A model sees how much of the order had filled before, so that charges per order
 * (a minimum, a fixed fee) come out right over partial fills: the charges of an order's fills add
 * up to what the model says the whole order costs.
 */
public interface CommissionModel {

    /**
     * The commission for a fill of {@code fillQuantity} at {@code price} on an order of which
     * {@code filledBefore} had already filled.
     */
    Money commission(Quantity filledBefore, Quantity fillQuantity, Price price);
}
