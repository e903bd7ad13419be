package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution: {@code quantity} units of {@code symbol} bought or sold at {@code price} for
 * {@code strategy} in {@code account}, with the fee the broker charged. Immutable; the source of
 * truth for what happened.
 *
 * <p>Refuses a non-positive quantity, a negative fee, a fee in another currency than the price,
 * blank names, and a confidence outside [0, 1]. {@code tradeId} is the broker's unique id of the
 * execution (a fill is applied once per id); {@code confidence} is the signal's confidence, or null.
 */
public record Fill(
        String tradeId,
        String account,
        String strategy,
        String symbol,
        Side side,
        Quantity quantity,
        Price price,
        Money fee,
        Instant time,
        BigDecimal confidence) {

    public Fill {
        requireName(tradeId, "trade id");
        requireName(account, "account");
        requireName(strategy, "strategy");
        requireName(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("fill quantity must be positive: " + quantity);
        }
        if (fee.isNegative()) {
            throw new IllegalArgumentException("fee must not be negative: " + fee);
        }
        if (fee.currency() != price.currency()) {
            throw new IllegalArgumentException("fee currency " + fee.currency() + " differs from price currency " + price.currency());
        }
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence.toPlainString());
        }
    }

    /** A fill without a signal confidence. */
    public static Fill of(String tradeId, String account, String strategy, String symbol, Side side,
                          Quantity quantity, Price price, Money fee, Instant time) {
        return new Fill(tradeId, account, strategy, symbol, side, quantity, price, fee, time, null);
    }

    /** The quantity with the side's sign: positive for a buy, negative for a sell. */
    public Quantity signedQuantity() {
        return side == Side.BUY ? quantity : quantity.negate();
    }

    /** {@code quantity × price}, unsigned. */
    public Money notional() {
        return quantity.times(price);
    }

    /** The cash this fill moves, signed: {@code −(q × p) − fee} for a buy, {@code q × p − fee} for a sell. */
    public Money cashFlow() {
        Money notional = notional();
        return (side == Side.BUY ? notional.negate() : notional).minus(fee);
    }

    static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
