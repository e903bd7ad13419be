package io.tradebook.store;

import io.tradebook.core.books.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
        Listing listing = new Listing("SELECT f.id, f.order_id, s.name AS strategy, f.symbol, f.side, f.quantity, f.price, f.fee, "
                + "f.total_cost, f.currency, f.broker_trade_id, f.broker_order_id, f.executed_at FROM fills f "
                + "JOIN strategy_activations s ON s.id = f.strategy_activation_id WHERE f.account_id = :account")
                .equal("s.name", "strategy", filter.strategy()).equal("f.symbol", "symbol", filter.symbol())
                .equal("f.order_id", "order", filter.orderId()).between("f.executed_at", filter.from(), filter.to())
                .before("f.executed_at", "f.id", after, after == null ? null : after.numberKey());
        String sql = listing.sql("f.executed_at DESC, f.id DESC", limit);
        List<StoredFill> rows = jdbi.withHandle(h -> h.createQuery(sql).bind("account", accountId).bindMap(listing.binds())
                .map((rs, ctx) -> new StoredFill(rs.getLong("id"), rs.getObject("order_id", UUID.class), rs.getString("strategy"),
                        rs.getString("symbol"), Side.valueOf(rs.getString("side")), SqlTypes.plain(rs, "quantity"),
                        SqlTypes.plain(rs, "price"), SqlTypes.plain(rs, "fee"), SqlTypes.plain(rs, "total_cost"), rs.getString("currency"),
                        rs.getString("broker_trade_id"), rs.getString("broker_order_id"), SqlTypes.instant(rs, "executed_at")))
                .list());
        return Page.of(rows, limit, f -> new PageCursor(f.executedAt(), Long.toString(f.id())));
    }
}
