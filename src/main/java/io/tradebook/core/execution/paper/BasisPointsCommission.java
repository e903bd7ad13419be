package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A share of each fill's notional: {@code quantity × price × bps / 10000}, in the price's
 * currency. Exact; only when the product has more than the 20 decimals money can carry is it
 * rounded half-even to 20, far below any currency's smallest unit. Immutable. Refuses null and
 * negative basis points.
 */
public record BasisPointsCommission(BigDecimal basisPoints) implements CommissionModel {
    private static final int MONEY_SCALE = 20;

    public BasisPointsCommission {
        Objects.requireNonNull(basisPoints, "basisPoints");
        if (basisPoints.signum() < 0) {
            throw new IllegalArgumentException("commission must not be negative: " + basisPoints.toPlainString() + " bps");
        }
    }

    public static BasisPointsCommission of(String basisPoints) {
        return new BasisPointsCommission(new BigDecimal(basisPoints));
    }

    @Override
    public Money commission(Quantity filledBefore, Quantity fillQuantity, Price price) {
        BigDecimal fee = fillQuantity.times(price).amount().multiply(basisPoints).movePointLeft(4);
        if (fee.stripTrailingZeros().scale() > MONEY_SCALE) {
            fee = fee.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        }
        return Money.of(fee, price.currency());
    }
}
