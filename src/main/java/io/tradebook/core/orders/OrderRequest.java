package io.tradebook.core.orders;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a strategy or a user asks for: an order before the order path has looked at it. Immutable.
 * Only the shape is checked here (names and the enumerations present); whether the quantity and
 * prices are acceptable is the order path's decision, and a bad one ends as a REJECTED order with
 * a reason rather than an exception.
 *
 * @param clientOrderId the caller's id; the same id twice on one account returns the first order
 * @param limitPrice    required for LIMIT and STOP_LIMIT, else null
 * @param stopPrice     required for STOP_LOSS and STOP_LIMIT, else null
 * @param confidence    the signal's confidence in [0, 1], or null
 */
public record OrderRequest(String account, String strategy, String clientOrderId, String symbol, Side side, OrderType type,
                           TimeInForce timeInForce, Quantity quantity, Price limitPrice, Price stopPrice, BigDecimal confidence) {

    public OrderRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(quantity, "quantity");
    }

    public static OrderRequest market(String account, String strategy, String symbol, Side side, Quantity quantity) {
        return new OrderRequest(account, strategy, null, symbol, side, OrderType.MARKET, TimeInForce.DAY, quantity, null, null, null);
    }

    public static OrderRequest limit(String account, String strategy, String symbol, Side side, Quantity quantity, Price limit,
                                     TimeInForce tif) {
        return new OrderRequest(account, strategy, null, symbol, side, OrderType.LIMIT, tif, quantity, limit, null, null);
    }

    public OrderRequest withClientOrderId(String id) {
        return new OrderRequest(account, strategy, id, symbol, side, type, timeInForce, quantity, limitPrice, stopPrice, confidence);
    }
}
