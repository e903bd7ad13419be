package io.tradebook.store;

import io.tradebook.core.books.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads an account's fills as stored, newest first with filters. Only reads. Thread-safe. */
public final class FillHistory {
    private final Jdbi jdbi;

    public FillHistory(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One fill: what was traded, at what price and fee, the cash it moved ({@code totalCost}:
     * quantity × price + fee for a buy, − fee for a sell), the strategy it is booked to, and the
     * order it filled (null for an imported fill). Decimals come back without trailing zeros. Immutable.
     */
    public record StoredFill(long id, UUID orderId, String strategy, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                             BigDecimal fee, BigDecimal totalCost, String currency, String tradeId, String brokerOrderId,
                             Instant executedAt) {
    }

    /** Which fills to list; null means any. {@code from} inclusive, {@code to} exclusive, on the execution time. Immutable. */
    public record Filter(String strategy, String symbol, UUID orderId, Instant from, Instant to) {
        public static final Filter ANY = new Filter(null, null, null, null, null);
    }

    /** The account's fills that {@code filter} selects, newest first, at most {@code limit}, after {@code after} (null for the first page). */
    public Page<StoredFill> list(UUID accountId, Filter filter, PageCursor after, int limit) {
        OrderHistory.requireLimit(limit);
        StringBuilder sql = new StringBuilder("SELECT f.id, f.order_id, s.name AS strategy, f.symbol, f.side, f.quantity, f.price, f.fee, "
                + "f.total_cost, f.currency, f.broker_trade_id, f.broker_order_id, f.executed_at FROM fills f "
                + "JOIN strategy_activations s ON s.id = f.strategy_activation_id WHERE f.account_id = :account");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("account", accountId);
        if (filter.strategy() != null) {
            sql.append(" AND s.name = :strategy");
            binds.put("strategy", filter.strategy());
        }
        if (filter.symbol() != null) {
            sql.append(" AND f.symbol = :symbol");
            binds.put("symbol", filter.symbol());
        }
        if (filter.orderId() != null) {
            sql.append(" AND f.order_id = :order");
            binds.put("order", filter.orderId());
        }
        if (filter.from() != null) {
            sql.append(" AND f.executed_at >= :from");
            binds.put("from", SqlTypes.utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND f.executed_at < :to");
            binds.put("to", SqlTypes.utc(filter.to()));
        }
        if (after != null) {
            sql.append(" AND (f.executed_at < :afterTime OR (f.executed_at = :afterTime AND f.id < :afterId))");
            binds.put("afterTime", SqlTypes.utc(after.requireTime()));
            binds.put("afterId", after.numberKey());
        }
        sql.append(" ORDER BY f.executed_at DESC, f.id DESC LIMIT :limit");
        binds.put("limit", limit + 1);
        List<StoredFill> rows = jdbi.withHandle(h -> h.createQuery(sql.toString()).bindMap(binds)
                .map((rs, ctx) -> new StoredFill(rs.getLong("id"), rs.getObject("order_id", UUID.class), rs.getString("strategy"),
                        rs.getString("symbol"), Side.valueOf(rs.getString("side")), SqlTypes.plain(rs, "quantity"),
                        SqlTypes.plain(rs, "price"), SqlTypes.plain(rs, "fee"), SqlTypes.plain(rs, "total_cost"), rs.getString("currency"),
                        rs.getString("broker_trade_id"), rs.getString("broker_order_id"), SqlTypes.instant(rs, "executed_at")))
                .list());
        return Page.of(rows, limit, f -> new PageCursor(f.executedAt(), Long.toString(f.id())));
    }
}
