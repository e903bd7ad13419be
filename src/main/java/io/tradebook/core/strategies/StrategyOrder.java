package io.tradebook.core.strategies;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a strategy asks for: an order without the account and strategy, which the context adds.
 * Immutable. Market orders default to DAY, the others to GTC; {@link #withTimeInForce} changes it.
 * A signal may carry a {@code confidence} in [0, 1]: it is stored on the order, on its fills and on
 * the round trip they make (seed 003's {@code ai_confidence}).
 *
 * <p>Refuses a missing symbol, side, type or quantity, and a confidence outside [0, 1]. Whether the
 * quantity and prices suit the instrument is the order path's decision: a bad one ends as a
 * REJECTED order with a reason.
 */
public record StrategyOrder(String symbol, Side side, OrderType type, TimeInForce timeInForce, Quantity quantity, Price limitPrice,
                            Price stopPrice, BigDecimal confidence) {

    public StrategyOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(quantity, "quantity");
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence.toPlainString());
        }
    }

    /** A market order, DAY: it fills at the next bar's open. */
    public static StrategyOrder market(String symbol, Side side, Quantity quantity) {
        return new StrategyOrder(symbol, side, OrderType.MARKET, TimeInForce.DAY, quantity, null, null, null);
    }

    /** A limit order, GTC. */
    public static StrategyOrder limit(String symbol, Side side, Quantity quantity, Price limit) {
        return new StrategyOrder(symbol, side, OrderType.LIMIT, TimeInForce.GTC, quantity, limit, null, null);
    }

    /** A stop (stop-loss) order, GTC: a market order once the price reaches the stop. */
    public static StrategyOrder stop(String symbol, Side side, Quantity quantity, Price stop) {
        return new StrategyOrder(symbol, side, OrderType.STOP_LOSS, TimeInForce.GTC, quantity, null, stop, null);
    }

    /** A stop-limit order, GTC: a limit order once the price reaches the stop. */
    public static StrategyOrder stopLimit(String symbol, Side side, Quantity quantity, Price stop, Price limit) {
        return new StrategyOrder(symbol, side, OrderType.STOP_LIMIT, TimeInForce.GTC, quantity, limit, stop, null);
    }

    /** This order with {@code tif}. */
    public StrategyOrder withTimeInForce(TimeInForce tif) {
        return new StrategyOrder(symbol, side, type, tif, quantity, limitPrice, stopPrice, confidence);
    }

    /** This order carrying the signal's confidence, in [0, 1]. */
    public StrategyOrder withConfidence(BigDecimal value) {
        return new StrategyOrder(symbol, side, type, timeInForce, quantity, limitPrice, stopPrice, value);
    }

    /** This order carrying the signal's confidence given as a double in [0, 1] (kept to 4 decimals, as the schema stores it). */
    public StrategyOrder withConfidence(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + value);
        }
        return withConfidence(BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros());
    }
}
