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
import org.jdbi.v3.core.statement.SqlStatement;

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
        UUID id = UUID.randomUUID();
        bindInsert(h.createUpdate(INSERT), id, accountId, activationId, holding).execute();
        return id;
    }

    static UUID update(Handle h, UUID id, Holding holding) {
        bindState(h.createUpdate(UPDATE).bind("id", id), holding).execute();
        return id;
    }

    /** Binds every column of {@link #INSERT}. */
    static <T extends SqlStatement<T>> T bindInsert(T insert, UUID id, UUID accountId, UUID activationId, Holding holding) {
        insert.bind("id", id).bind("account", accountId).bind("activation", activationId).bind("symbol", holding.symbol())
                .bind("side", holding.side().name()).bind("openedAt", SqlTypes.utc(holding.openedAt()))
                .bindByType("confidence", holding.confidence(), java.math.BigDecimal.class);
        return bindState(insert, holding);
    }

    /** Binds the columns a fill changes (every column of {@link #UPDATE} but the id). */
    static <T extends SqlStatement<T>> T bindState(T u, Holding holding) {
        return u.bind("quantity", holding.quantity().value()).bind("average", holding.averagePrice().value())
                .bind("cost", holding.costBasis().amount()).bind("realized", holding.realizedPnl().amount())
                .bind("fees", holding.fees().amount()).bind("entryQuantity", holding.entryQuantity().value())
                .bind("entryCost", holding.entryCost().amount()).bind("exitQuantity", holding.exitQuantity().value())
                .bind("exitProceeds", holding.exitProceeds().amount()).bind("status", holding.isOpen() ? "OPEN" : "CLOSED")
                .bindByType("marker", holding.isOpen() ? Short.valueOf((short) 1) : null, Short.class)
                .bindByType("closedAt", SqlTypes.utc(holding.closedAt()), java.time.OffsetDateTime.class);
    }
}
