package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Moves the price by a fixed number of basis points against the trader: a buy at
 * {@code price × (1 + bps/10000)}, a sell at {@code price × (1 − bps/10000)}. Immutable. Refuses
 * null and negative basis points.
 */
public record BasisPointsSlippage(BigDecimal basisPoints) implements SlippageModel {

    public BasisPointsSlippage {
        Objects.requireNonNull(basisPoints, "basisPoints");
        if (basisPoints.signum() < 0) {
            throw new IllegalArgumentException("slippage must not be negative: " + basisPoints.toPlainString() + " bps");
        }
    }

    public static BasisPointsSlippage of(String basisPoints) {
        return new BasisPointsSlippage(new BigDecimal(basisPoints));
    }

    @Override
    public Price adjust(Side side, Price price, Instrument instrument) {
        return price.plusBasisPoints(side == Side.BUY ? basisPoints : basisPoints.negate());
    }
}
