package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A finished round trip: one holding lifecycle from open to flat (seed 003's {@code trades}).
 * Immutable. {@code entryPrice} and {@code exitPrice} are the quantity-weighted averages of the
 * entering and exiting fills; {@code size} is the total quantity entered; {@code pnl} is net of
 * every fee paid on the way in and out, which are also given as {@code fees}.
 */
public record RoundTrip(
        String account,
        String strategy,
        String symbol,
        PositionSide direction,
        Price entryPrice,
        Price exitPrice,
        Quantity size,
        Instant entryTime,
        Instant exitTime,
        Money pnl,
        Money fees,
        BigDecimal confidence) {

    public boolean isWin() {
        return pnl.signum() > 0;
    }
}
