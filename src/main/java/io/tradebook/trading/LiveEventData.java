package io.tradebook.trading;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Holding;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.store.JdbiEventSink.StoredNotification;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The live events the trading service publishes, built from what changed: {@code order} (an
 * order's new state), {@code fill}, {@code position} (a strategy's position in a symbol after a
 * fill), {@code price} (for everyone) and {@code notification}. Their fields have the names and
 * forms of the REST API's (decimals as exact decimals, times as instants, listed values by name);
 * a field without a value is left out. Stateless.
 */
final class LiveEventData {
    static final String ORDER = "order";
    static final String FILL = "fill";
    static final String POSITION = "position";
    static final String PRICE = "price";
    static final String NOTIFICATION = "notification";

    private LiveEventData() {
    }

    static LiveEvent order(UUID user, Order o) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "id", o.id());
        put(d, "accountId", o.account());
        put(d, "clientOrderId", o.clientOrderId());
        put(d, "strategy", o.strategy());
        put(d, "symbol", o.symbol());
        put(d, "side", o.side().name());
        put(d, "type", o.type().name());
        put(d, "timeInForce", o.timeInForce().name());
        put(d, "quantity", o.quantity());
        put(d, "limitPrice", o.limitPrice());
        put(d, "stopPrice", o.stopPrice());
        put(d, "status", o.status().name());
        put(d, "filledQuantity", o.filledQuantity());
        put(d, "averageFillPrice", o.averageFillPrice());
        put(d, "rejectReason", o.rejectReason() == null ? null : o.rejectReason().name());
        put(d, "message", o.message());
        put(d, "updatedAt", o.updatedAt());
        return new LiveEvent(user, ORDER, d, o.updatedAt());
    }

    static LiveEvent fill(UUID user, String orderId, Fill f) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "accountId", f.account());
        put(d, "orderId", orderId);
        put(d, "tradeId", f.tradeId());
        put(d, "strategy", f.strategy());
        put(d, "symbol", f.symbol());
        put(d, "side", f.side().name());
        put(d, "quantity", f.quantity());
        put(d, "price", f.price());
        put(d, "fee", f.fee());
        put(d, "currency", f.price().currency().code());
        put(d, "executedAt", f.time());
        return new LiveEvent(user, FILL, d, f.time());
    }

    /** The strategy's position after a fill: {@code open} is its open holding, or null when the fill made it flat. */
    static LiveEvent position(UUID user, Fill f, Holding open) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "accountId", f.account());
        put(d, "strategy", f.strategy());
        put(d, "symbol", f.symbol());
        put(d, "side", open == null ? "FLAT" : open.side().name());
        put(d, "quantity", open == null ? Quantity.ZERO : open.quantity());
        put(d, "averagePrice", open == null ? null : open.averagePrice());
        return new LiveEvent(user, POSITION, d, f.time());
    }

    /** A new market price, for everyone: a last price, or a bid and ask with their mid as {@code price}. */
    static LiveEvent price(String symbol, Price reference, Price bid, Price ask, Instant time) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "symbol", symbol);
        put(d, "price", reference);
        put(d, "bid", bid);
        put(d, "ask", ask);
        put(d, "currency", reference.currency().code());
        put(d, "time", time);
        return new LiveEvent(null, PRICE, d, time);
    }

    static LiveEvent notification(StoredNotification n) {
        Map<String, Object> d = new LinkedHashMap<>();
        put(d, "id", n.id());
        put(d, "type", n.type().name());
        put(d, "level", n.level().name());
        put(d, "title", n.title());
        put(d, "message", n.message());
        put(d, "data", n.data());
        put(d, "createdAt", n.createdAt());
        return new LiveEvent(n.userId(), NOTIFICATION, d, n.createdAt());
    }

    private static void put(Map<String, Object> data, String name, Object value) {
        if (value == null) {
            return;
        }
        Object plain = value instanceof Quantity q ? q.value() : value instanceof Price p ? p.value()
                : value instanceof Money m ? m.amount() : value;
        data.put(name, plain instanceof BigDecimal b ? plain(b) : plain);
    }

    /** {@code b} without trailing zeros, never in exponent form. */
    static BigDecimal plain(BigDecimal b) {
        BigDecimal stripped = b.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
