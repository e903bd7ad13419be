package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Moves the price by a fixed amount per unit against the trader, in the instrument's price
 * currency: a buy at {@code price + amount}, a sell at {@code price − amount} (never below zero).
 * Immutable. Refuses null, negative amounts and more than 12 decimals (a price's limit).
 */
public record FixedSlippage(BigDecimal amountPerUnit) implements SlippageModel {

    public FixedSlippage {
        Objects.requireNonNull(amountPerUnit, "amountPerUnit");
        if (amountPerUnit.signum() < 0) {
            throw new IllegalArgumentException("slippage must not be negative: " + amountPerUnit.toPlainString());
        }
        if (amountPerUnit.stripTrailingZeros().scale() > 12) {
            throw new IllegalArgumentException("slippage has more than 12 decimals: " + amountPerUnit.toPlainString());
        }
    }

    public static FixedSlippage of(String amountPerUnit) {
        return new FixedSlippage(new BigDecimal(amountPerUnit));
    }

    @Override
    public Price adjust(Side side, Price price, Instrument instrument) {
        return price.plus(side == Side.BUY ? amountPerUnit : amountPerUnit.negate());
    }
}
