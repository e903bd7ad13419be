package io.tradebook.store;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes {@code orders} and {@code order_events} rows as core {@link Order}s and
 * {@link OrderEvent}s. Money and prices are stored without a currency: they are in the account's
 * base currency, which the caller checks before writing and which reading joins back in.
 */
final class OrderRows {
    /** The states only an order that reached the broker can be in: the first one stored sets {@code placed_at}. */
    static final Set<OrderStatus> PLACED_STATES =
            EnumSet.of(OrderStatus.PLACED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.EXPIRED);

    static final String SELECT = "SELECT o.id, o.client_order_id, o.account_id, s.name AS strategy, o.symbol, o.side, "
            + "o.order_type, o.time_in_force, o.quantity, o.limit_price, o.stop_price, o.status, o.filled_quantity, "
            + "o.filled_notional, o.broker_order_id, o.reject_reason, o.error_message, o.retry_count, o.confidence, "
            + "o.reserved_cash, o.created_at, o.updated_at, a.base_currency FROM orders o JOIN accounts a ON a.id = o.account_id "
            + "LEFT JOIN strategy_activations s ON s.id = o.strategy_activation_id ";

    private OrderRows() {
    }

    static final String INSERT = "INSERT INTO orders (id, account_id, strategy_activation_id, symbol, client_order_id, side, "
            + "order_type, time_in_force, quantity, limit_price, stop_price, filled_quantity, filled_notional, avg_fill_price, "
            + "status, broker_order_id, error_message, retry_count, reject_reason, confidence, reserved_cash, created_at, "
            + "updated_at, placed_at, done_at, version, placed_by) VALUES (:id, :account, :activation, :symbol, :clientOrderId, :side, "
            + ":type, :tif, :quantity, :limit, :stop, :filled, :notional, :average, :status, :brokerOrderId, :message, :retries, "
            + ":reason, :confidence, :reserved, :createdAt, :updatedAt, :placedAt, :doneAt, :versions, :node)";

    /** Writes a new state; {@code :versions} is how many changes it stands for (the row's version grows by it). */
    static final String UPDATE = "UPDATE orders SET strategy_activation_id = :activation, symbol = :symbol, "
            + "client_order_id = :clientOrderId, side = :side, order_type = :type, time_in_force = :tif, quantity = :quantity, "
            + "limit_price = :limit, stop_price = :stop, filled_quantity = :filled, filled_notional = :notional, "
            + "avg_fill_price = :average, status = :status, broker_order_id = :brokerOrderId, error_message = :message, "
            + "retry_count = :retries, reject_reason = :reason, confidence = :confidence, reserved_cash = :reserved, "
            + "updated_at = :updatedAt, placed_at = COALESCE(placed_at, :placedAt), done_at = COALESCE(done_at, :doneAt), "
            + "version = version + :versions WHERE id = :id AND account_id = :account";

    static void insert(Handle h, UUID id, UUID accountId, UUID activationId, Order order) {
        Update insert = h.createUpdate(INSERT);
        bindInsert(SqlParams.of(insert), id, accountId, activationId, order, placedAt(order), 0, null);
        insert.execute();
    }

    /** Writes the order's new state; false when the account holds no order {@code id}. */
    static boolean update(Handle h, UUID id, UUID accountId, UUID activationId, Order order) {
        Update update = h.createUpdate(UPDATE);
        bindUpdate(SqlParams.of(update), id, accountId, activationId, order, placedAt(order), 1);
        return update.execute() == 1;
    }

    /** When the order was placed, as far as this one state tells: its time if it is in a placed state, else null. */
    private static OffsetDateTime placedAt(Order o) {
        return PLACED_STATES.contains(o.status()) ? SqlTypes.utc(o.updatedAt()) : null;
    }

    /**
     * Binds every column of {@link #INSERT}: the order's state, created {@code versions} changes
     * ago, placed by server node {@code node} (null outside a server).
     */
    static void bindInsert(SqlParams p, UUID id, UUID accountId, UUID activationId, Order o, OffsetDateTime placedAt, int versions,
                           String node) {
        p.set("createdAt", SqlTypes.utc(o.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("node", node, Types.VARCHAR);
        bindUpdate(p, id, accountId, activationId, o, placedAt, versions);
    }

    /**
     * Binds every column of {@link #UPDATE}; {@code placedAt} is when the order first reached a
     * placed state (null if it has not), {@code done_at} the time of its terminal state, and
     * {@code versions} how many changes the write stands for.
     */
    static void bindUpdate(SqlParams p, UUID id, UUID accountId, UUID activationId, Order o, OffsetDateTime placedAt, int versions) {
        Price average = o.averageFillPrice();
        OffsetDateTime updatedAt = SqlTypes.utc(o.updatedAt());
        p.set("id", id, Types.OTHER);
        p.set("account", accountId, Types.OTHER);
        p.set("activation", activationId, Types.OTHER);
        p.set("symbol", o.symbol(), Types.VARCHAR);
        p.set("clientOrderId", o.clientOrderId(), Types.VARCHAR);
        p.set("side", name(o.side()), Types.VARCHAR);
        p.set("type", name(o.type()), Types.VARCHAR);
        p.set("tif", name(o.timeInForce()), Types.VARCHAR);
        p.set("quantity", o.quantity().value(), Types.NUMERIC);
        p.set("limit", o.limitPrice() == null ? null : o.limitPrice().value(), Types.NUMERIC);
        p.set("stop", o.stopPrice() == null ? null : o.stopPrice().value(), Types.NUMERIC);
        p.set("filled", o.filledQuantity().value(), Types.NUMERIC);
        p.set("notional", o.filledNotional().amount(), Types.NUMERIC);
        p.set("average", average == null ? null : average.value(), Types.NUMERIC);
        p.set("status", o.status().name(), Types.VARCHAR);
        p.set("brokerOrderId", o.brokerOrderId(), Types.VARCHAR);
        p.set("message", o.message(), Types.VARCHAR);
        p.set("retries", o.retryCount(), Types.INTEGER);
        p.set("reason", name(o.rejectReason()), Types.VARCHAR);
        p.set("confidence", o.confidence(), Types.NUMERIC);
        p.set("reserved", o.reserved().amount(), Types.NUMERIC);
        p.set("updatedAt", updatedAt, Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("placedAt", placedAt, Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("doneAt", o.status().isTerminal() ? updatedAt : null, Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("versions", versions, Types.INTEGER);
    }

    static final String EVENT_INSERT = "INSERT INTO order_events (order_id, from_status, to_status, occurred_at, broker_order_id, message, retry_count) "
            + "VALUES (:order, :from, :to, :time, :brokerOrderId, :message, :retries)";

    static void insertEvent(Handle h, UUID orderId, OrderEvent e) {
        Update insert = h.createUpdate(EVENT_INSERT);
        bindEvent(SqlParams.of(insert), orderId, e);
        insert.execute();
    }

    /** Binds every column of {@link #EVENT_INSERT}. */
    static void bindEvent(SqlParams p, UUID orderId, OrderEvent e) {
        p.set("order", orderId, Types.OTHER);
        p.set("from", name(e.from()), Types.VARCHAR);
        p.set("to", e.to().name(), Types.VARCHAR);
        p.set("time", SqlTypes.utc(e.time()), Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("brokerOrderId", e.brokerOrderId(), Types.VARCHAR);
        p.set("message", e.message(), Types.VARCHAR);
        p.set("retries", e.retryCount(), Types.INTEGER);
    }

    static boolean exists(Handle h, UUID id) {
        return h.createQuery("SELECT COUNT(*) FROM orders WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    /** The id of the account's order that uses {@code clientOrderId}, other than {@code self}. */
    static Optional<UUID> clientOrderIdHolder(Handle h, UUID accountId, String clientOrderId, UUID self) {
        return h.createQuery("SELECT id FROM orders WHERE account_id = :account AND client_order_id = :client AND id <> :self")
                .bind("account", accountId).bind("client", clientOrderId).bind("self", self).mapTo(UUID.class).findOne();
    }

    static Optional<Order> find(Handle h, UUID id) {
        return h.createQuery(SELECT + "WHERE o.id = :id").bind("id", id).map(OrderRows::order).findOne();
    }

    static Optional<Order> findByClientOrderId(Handle h, UUID accountId, String clientOrderId) {
        return h.createQuery(SELECT + "WHERE o.account_id = :account AND o.client_order_id = :client")
                .bind("account", accountId).bind("client", clientOrderId).map(OrderRows::order).findOne();
    }

    /** The account's orders in PENDING, PLACED or PARTIALLY_FILLED, oldest first (ties by id). */
    static List<Order> open(Handle h, UUID accountId) {
        return h.createQuery(SELECT + "WHERE o.account_id = :account AND o.status IN ('PENDING', 'PLACED', 'PARTIALLY_FILLED') "
                + "ORDER BY o.created_at, o.id").bind("account", accountId).map(OrderRows::order).list();
    }

    static List<OrderEvent> events(Handle h, UUID orderId) {
        return h.createQuery("SELECT order_id, from_status, to_status, occurred_at, broker_order_id, message, retry_count "
                        + "FROM order_events WHERE order_id = :order ORDER BY id")
                .bind("order", orderId)
                .map((rs, ctx) -> new OrderEvent(rs.getObject("order_id", UUID.class).toString(),
                        rs.getString("from_status") == null ? null : OrderStatus.valueOf(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")), SqlTypes.instant(rs, "occurred_at"),
                        rs.getString("broker_order_id"), rs.getString("message"), rs.getInt("retry_count")))
                .list();
    }

    static Order order(ResultSet rs, StatementContext ctx) throws SQLException {
        Currency currency = Currency.of(rs.getString("base_currency"));
        String reason = rs.getString("reject_reason");
        return new Order(rs.getObject("id", UUID.class).toString(), rs.getString("client_order_id"),
                rs.getObject("account_id", UUID.class).toString(), rs.getString("strategy"), rs.getString("symbol"),
                Side.valueOf(rs.getString("side")), OrderType.valueOf(rs.getString("order_type")),
                TimeInForce.valueOf(rs.getString("time_in_force")), Quantity.of(rs.getBigDecimal("quantity")),
                price(rs, "limit_price", currency), price(rs, "stop_price", currency), OrderStatus.valueOf(rs.getString("status")),
                Quantity.of(rs.getBigDecimal("filled_quantity")), Money.of(rs.getBigDecimal("filled_notional"), currency),
                rs.getString("broker_order_id"), reason == null ? null : RejectReason.valueOf(reason), rs.getString("error_message"),
                rs.getInt("retry_count"), SqlTypes.plain(rs, "confidence"), Money.of(rs.getBigDecimal("reserved_cash"), currency),
                SqlTypes.instant(rs, "created_at"), SqlTypes.instant(rs, "updated_at"));
    }

    private static Price price(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Price.of(value, currency);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
