package io.tradebook.store;

import io.tradebook.core.books.Holding;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import java.sql.Types;
import org.jdbi.v3.core.statement.Update;

/** Reads and writes holding lifecycles ({@code holdings} rows) as core {@link Holding}s. */
final class HoldingRows {
    private HoldingRows() {
    }

    /** A stored lifecycle and its row id. */
    record Row(UUID id, UUID activationId, Holding holding) {
    }

    private static final String COLUMNS = "id, strategy_activation_id, symbol, side, quantity, average_price, cost_basis, "
            + "realized_pnl, fees, entry_quantity, entry_cost, exit_quantity, exit_proceeds, entry_confidence, opened_at, closed_at";

    static Row findOpen(Handle h, UUID accountId, UUID activationId, String account, String strategy, String symbol, Currency currency) {
        return h.createQuery("SELECT " + COLUMNS + " FROM holdings WHERE account_id = :account "
                        + "AND strategy_activation_id = :activation AND symbol = :symbol AND status = 'OPEN'")
                .bind("account", accountId).bind("activation", activationId).bind("symbol", symbol)
                .map((rs, ctx) -> row(rs, account, strategy, currency)).findOne().orElse(null);
    }

    /** Every lifecycle of the account, oldest first, with the strategy named by {@code strategyNames}. */
    static List<Row> all(Handle h, UUID accountId, String account, java.util.Map<UUID, String> strategyNames, Currency currency) {
        return h.createQuery("SELECT " + COLUMNS + " FROM holdings WHERE account_id = :account ORDER BY opened_at, created_at, id")
                .bind("account", accountId)
                .map((rs, ctx) -> row(rs, account, strategyNames.get(rs.getObject("strategy_activation_id", UUID.class)), currency))
                .list();
    }

    private static Row row(ResultSet rs, String account, String strategy, Currency currency) throws SQLException {
        Holding holding = new Holding(account, strategy, rs.getString("symbol"), PositionSide.valueOf(rs.getString("side")),
                Quantity.of(rs.getBigDecimal("quantity")), Money.of(rs.getBigDecimal("cost_basis"), currency),
                Price.of(rs.getBigDecimal("average_price"), currency), Money.of(rs.getBigDecimal("realized_pnl"), currency),
                Money.of(rs.getBigDecimal("fees"), currency), Quantity.of(rs.getBigDecimal("entry_quantity")),
                Money.of(rs.getBigDecimal("entry_cost"), currency), Quantity.of(rs.getBigDecimal("exit_quantity")),
                Money.of(rs.getBigDecimal("exit_proceeds"), currency), SqlTypes.instant(rs, "opened_at"),
                SqlTypes.instant(rs, "closed_at"), rs.getBigDecimal("entry_confidence"));
        return new Row(rs.getObject("id", UUID.class), rs.getObject("strategy_activation_id", UUID.class), holding);
    }

    static final String INSERT = "INSERT INTO holdings (id, account_id, strategy_activation_id, symbol, side, quantity, "
            + "average_price, cost_basis, realized_pnl, fees, entry_quantity, entry_cost, exit_quantity, exit_proceeds, "
            + "entry_confidence, status, open_marker, opened_at, closed_at) VALUES (:id, :account, :activation, :symbol, :side, :quantity, "
            + ":average, :cost, :realized, :fees, :entryQuantity, :entryCost, :exitQuantity, :exitProceeds, :confidence, "
            + ":status, :marker, :openedAt, :closedAt)";

    static final String UPDATE = "UPDATE holdings SET quantity = :quantity, average_price = :average, cost_basis = :cost, "
            + "realized_pnl = :realized, fees = :fees, entry_quantity = :entryQuantity, entry_cost = :entryCost, "
            + "exit_quantity = :exitQuantity, exit_proceeds = :exitProceeds, status = :status, open_marker = :marker, "
            + "closed_at = :closedAt, updated_at = CURRENT_TIMESTAMP WHERE id = :id";

    static UUID insert(Handle h, UUID accountId, UUID activationId, Holding holding) {
        UUID id = TimeOrderedIds.next();
        Update insert = h.createUpdate(INSERT);
        bindInsert(SqlParams.of(insert), id, accountId, activationId, holding);
        insert.execute();
        return id;
    }

    static UUID update(Handle h, UUID id, Holding holding) {
        Update update = h.createUpdate(UPDATE);
        bindUpdate(SqlParams.of(update), id, holding);
        update.execute();
        return id;
    }

    /** Binds every column of {@link #INSERT}. */
    static void bindInsert(SqlParams p, UUID id, UUID accountId, UUID activationId, Holding holding) {
        p.set("account", accountId, Types.OTHER);
        p.set("activation", activationId, Types.OTHER);
        p.set("symbol", holding.symbol(), Types.VARCHAR);
        p.set("side", holding.side().name(), Types.VARCHAR);
        p.set("openedAt", SqlTypes.utc(holding.openedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("confidence", holding.confidence(), Types.NUMERIC);
        bindUpdate(p, id, holding);
    }

    /** Binds every column of {@link #UPDATE}: the lifecycle's state after a fill. */
    static void bindUpdate(SqlParams p, UUID id, Holding holding) {
        p.set("id", id, Types.OTHER);
        p.set("quantity", holding.quantity().value(), Types.NUMERIC);
        p.set("average", holding.averagePrice().value(), Types.NUMERIC);
        p.set("cost", holding.costBasis().amount(), Types.NUMERIC);
        p.set("realized", holding.realizedPnl().amount(), Types.NUMERIC);
        p.set("fees", holding.fees().amount(), Types.NUMERIC);
        p.set("entryQuantity", holding.entryQuantity().value(), Types.NUMERIC);
        p.set("entryCost", holding.entryCost().amount(), Types.NUMERIC);
        p.set("exitQuantity", holding.exitQuantity().value(), Types.NUMERIC);
        p.set("exitProceeds", holding.exitProceeds().amount(), Types.NUMERIC);
        p.set("status", holding.isOpen() ? "OPEN" : "CLOSED", Types.VARCHAR);
        p.set("marker", holding.isOpen() ? Short.valueOf((short) 1) : null, Types.SMALLINT);
        p.set("closedAt", SqlTypes.utc(holding.closedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
