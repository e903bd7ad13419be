package io.tradebook.store;

import static io.tradebook.store.SchemaContract.with;
import static io.tradebook.store.SchemaFixture.T0;
import static io.tradebook.store.SchemaFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.store.SchemaFixture.Owner;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schema's read side, on every database: the three views answer with the right rows for a
 * small fixture, NUMERIC columns keep every decimal, and JSON columns take a plain string.
 */
abstract class ViewsSchemaContract extends DatabaseContract {

    /** One row of active_strategies_performance. */
    record StrategyRow(BigDecimal winRate, BigDecimal sortino, BigDecimal maxDrawdown, OffsetDateTime snapshotAt) {
    }

    /** One row of account_performance. */
    record SessionRow(String accountName, String accountNumber, BigDecimal initial, BigDecimal fin,
                      BigDecimal pnl, int trades, OffsetDateTime endedAt) {
    }

    /** One row of account_holdings. */
    record HoldingRow(String symbol, String side, UUID securityId, long strategies, BigDecimal quantity,
                      BigDecimal costBasis, BigDecimal averagePrice, BigDecimal marketValue, BigDecimal unrealized,
                      BigDecimal unrealizedReturn, BigDecimal realized, BigDecimal fees) {
    }

    @Test
    void activeStrategiesPerformanceShowsTheLatestCatalogSnapshotOfActiveStrategies() {
        UUID latest = fixture().strategy();
        UUID inactive = fixture().strategy();
        UUID unmeasured = fixture().strategy();
        UUID tied = fixture().strategy();
        fixture().update("UPDATE strategies SET is_active = FALSE WHERE id = ?", inactive);
        snapshot(latest, T0, Map.of("win_rate", dec("0.4")));
        snapshot(latest, T0.plusDays(1), Map.of("win_rate", dec("0.6"), "sortino_ratio", dec("1.5"),
                "max_drawdown", dec("0.1")));
        Owner owner = fixture().owner();
        UUID bot = (UUID) fixture().insertValid("strategy_activations",
                Map.of("account_id", owner.accountId(), "strategy_id", latest));
        snapshot(latest, T0.plusDays(2), Map.of("win_rate", dec("0.9"), "strategy_activation_id", bot,
                "account_id", owner.accountId()));
        snapshot(inactive, T0, Map.of());
        snapshot(tied, T0, Map.of("win_rate", dec("0.1")));
        snapshot(tied, T0, Map.of("win_rate", dec("0.2")));

        List<StrategyRow> rows = strategyRows(latest);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).winRate()).isEqualByComparingTo("0.6");
        assertThat(rows.get(0).sortino()).isEqualByComparingTo("1.5");
        assertThat(rows.get(0).maxDrawdown()).isEqualByComparingTo("0.1");
        assertThat(rows.get(0).snapshotAt().toInstant()).isEqualTo(T0.plusDays(1).toInstant());
        assertThat(strategyRows(inactive)).isEmpty();
        assertThat(strategyRows(unmeasured)).isEmpty();
        assertThat(strategyRows(tied)).hasSize(1);
    }

    @Test
    void accountPerformanceListsEachSessionWithTheBrokerAccountNumber() {
        Owner owner = fixture().owner();
        String accountNumber = SchemaFixture.unique("ACC-");
        fixture().update("UPDATE broker_connections SET account_number = ? WHERE id = "
                + "(SELECT broker_connection_id FROM accounts WHERE id = ?)", accountNumber, owner.accountId());
        Map<String, Object> session = Map.of("account_id", owner.accountId(), "user_id", owner.userId());
        fixture().insertValid("trading_sessions", with(session, "status", "COMPLETED", "started_at", T0,
                "ended_at", T0.plusDays(1), "capital_at_start", dec("10000"), "capital_at_end", dec("10500"),
                "trades_count", 3));
        fixture().insertValid("trading_sessions", with(session, "started_at", T0.plusDays(2),
                "capital_at_start", dec("10500"), "total_pnl", dec("20"), "trades_count", 1));
        Owner other = fixture().owner();
        fixture().insertValid("trading_sessions", Map.of("account_id", other.accountId(), "user_id", other.userId()));
        String name = value(String.class, "SELECT name FROM accounts WHERE id = ?", owner.accountId());

        List<SessionRow> rows = rows((r, c) -> new SessionRow(r.getString("account_name"), r.getString("account_number"),
                r.getBigDecimal("initial_balance"), r.getBigDecimal("final_balance"), r.getBigDecimal("pnl"),
                r.getInt("trades_count"), r.getObject("ended_at", OffsetDateTime.class)),
                "SELECT * FROM account_performance WHERE account_id = ? ORDER BY started_at", owner.accountId());

        assertThat(rows).hasSize(2);
        SessionRow done = rows.get(0);
        assertThat(done.accountName()).isEqualTo(name);
        assertThat(done.accountNumber()).isEqualTo(accountNumber);
        assertThat(done.initial()).isEqualByComparingTo("10000");
        assertThat(done.fin()).isEqualByComparingTo("10500");
        assertThat(done.pnl()).as("pnl falls back to final - initial").isEqualByComparingTo("500");
        assertThat(done.trades()).isEqualTo(3);
        assertThat(done.endedAt().toInstant()).isEqualTo(T0.plusDays(1).toInstant());
        SessionRow running = rows.get(1);
        assertThat(running.fin()).isNull();
        assertThat(running.pnl()).isEqualByComparingTo("20");
        assertThat(running.endedAt()).isNull();
    }

    @Test
    void accountHoldingsSumsOpenHoldingsOverStrategies() {
        Owner owner = fixture().owner();
        UUID account = owner.accountId();
        UUID x = fixture().activation(account);
        UUID y = fixture().activation(account);
        UUID apple = fixture().security();
        holding(account, x, "AAPL", "LONG", "10", "1000", Map.of("security_id", apple, "realized_pnl", dec("5"),
                "fees", dec("1"), "current_price", dec("110"), "market_value", dec("1100"), "unrealized_pnl", dec("100")));
        holding(account, y, "AAPL", "LONG", "5", "600", Map.of("fees", dec("0.5"), "current_price", dec("110"),
                "market_value", dec("550"), "unrealized_pnl", dec("-50")));
        holding(account, x, "AAPL", "LONG", "0", "0", with(Map.of("status", "CLOSED", "closed_at", T0.plusDays(1),
                "realized_pnl", dec("50")), "open_marker", null));
        holding(account, y, "MSFT", "LONG", "2", "500", Map.of());
        holding(account, x, "TSLA", "SHORT", "3", "600", Map.of("market_value", dec("570"), "unrealized_pnl", dec("30")));
        Owner other = fixture().owner();
        holding(other.accountId(), fixture().activation(other.accountId()), "AAPL", "LONG", "7", "700", Map.of());

        List<HoldingRow> rows = rows((r, c) -> new HoldingRow(r.getString("symbol"), r.getString("side"),
                r.getObject("security_id", UUID.class), r.getLong("strategy_count"), r.getBigDecimal("quantity"),
                r.getBigDecimal("cost_basis"), r.getBigDecimal("average_entry_price"), r.getBigDecimal("market_value"),
                r.getBigDecimal("unrealized_pnl"), r.getBigDecimal("unrealized_return"), r.getBigDecimal("realized_pnl"),
                r.getBigDecimal("fees")),
                "SELECT * FROM account_holdings WHERE account_id = ? ORDER BY symbol, side", account);

        assertThat(rows).extracting(HoldingRow::symbol).containsExactly("AAPL", "MSFT", "TSLA");
        HoldingRow aapl = rows.get(0);
        assertThat(aapl.side()).isEqualTo("LONG");
        assertThat(aapl.securityId()).isEqualTo(apple);
        assertThat(aapl.strategies()).isEqualTo(2);
        assertThat(aapl.quantity()).isEqualByComparingTo("15");
        assertThat(aapl.costBasis()).isEqualByComparingTo("1600");
        assertThat(aapl.averagePrice()).isEqualByComparingTo("106.666666666667");
        assertThat(aapl.marketValue()).isEqualByComparingTo("1650");
        assertThat(aapl.unrealized()).isEqualByComparingTo("50");
        assertThat(aapl.unrealizedReturn()).isEqualByComparingTo("0.03125");
        assertThat(aapl.realized()).as("the closed lifecycle is not counted").isEqualByComparingTo("5");
        assertThat(aapl.fees()).isEqualByComparingTo("1.5");
        HoldingRow msft = rows.get(1);
        assertThat(msft.averagePrice()).isEqualByComparingTo("250");
        assertThat(msft.marketValue()).as("no mark, no market value").isNull();
        assertThat(msft.unrealizedReturn()).isNull();
        HoldingRow tsla = rows.get(2);
        assertThat(tsla.side()).isEqualTo("SHORT");
        assertThat(tsla.averagePrice()).isEqualByComparingTo("200");
        assertThat(tsla.unrealizedReturn()).isEqualByComparingTo("0.05");
    }

    @Test
    void numericColumnsKeepEveryDecimal() {
        Owner owner = fixture().owner();
        UUID bot = fixture().activation(owner.accountId());
        BigDecimal quantity = new BigDecimal("0.12345678");
        BigDecimal price = new BigDecimal("123.456789012345");
        BigDecimal fee = new BigDecimal("0.00000000000000000001");
        BigDecimal notional = quantity.multiply(price);
        BigDecimal total = notional.add(fee);
        assertThat(total.scale()).isEqualTo(20);

        long fill = (Long) fixture().insertValid("fills", Map.of("account_id", owner.accountId(),
                "strategy_activation_id", bot, "quantity", quantity, "price", price, "fee", fee, "total_cost", total));

        assertThat(value(BigDecimal.class, "SELECT quantity FROM fills WHERE id = ?", fill)).isEqualByComparingTo(quantity);
        assertThat(value(BigDecimal.class, "SELECT price FROM fills WHERE id = ?", fill)).isEqualByComparingTo(price);
        assertThat(value(BigDecimal.class, "SELECT fee FROM fills WHERE id = ?", fill)).isEqualByComparingTo(fee);
        assertThat(value(BigDecimal.class, "SELECT total_cost FROM fills WHERE id = ?", fill)).isEqualByComparingTo(total);
        assertThat(value(BigDecimal.class, "SELECT quantity * price FROM fills WHERE id = ?", fill))
                .isEqualByComparingTo(notional);

        BigDecimal big = new BigDecimal("123456789012345678.12345678901234567891");
        UUID holding = (UUID) fixture().insertValid("holdings", Map.of("account_id", owner.accountId(),
                "strategy_activation_id", bot, "cost_basis", big, "entry_cost", big));
        assertThat(value(BigDecimal.class, "SELECT cost_basis FROM holdings WHERE id = ?", holding))
                .isEqualByComparingTo(big);
        assertThat(value(BigDecimal.class, "SELECT cost_basis - entry_cost + ? FROM holdings WHERE id = ?", fee, holding))
                .isEqualByComparingTo(fee);
    }

    @Test
    void jsonColumnsTakeAPlainString() throws Exception {
        String parameters = "{\"rsi_period\": 14, \"levels\": [30, 70], \"name\": \"rsi\"}";
        UUID strategy = (UUID) fixture().insertValid("strategies", Map.of("parameters", parameters));
        long notification = (Long) fixture().insertValid("notifications", Map.of("data", "{\"order\": \"o-1\"}"));

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(value(String.class, "SELECT parameters FROM strategies WHERE id = ?", strategy)))
                .isEqualTo(json.readTree(parameters));
        assertThat(json.readTree(value(String.class, "SELECT data FROM notifications WHERE id = ?", notification))
                .get("order").asText()).isEqualTo("o-1");
    }

    private void snapshot(UUID strategy, OffsetDateTime at, Map<String, Object> values) {
        fixture().insertValid("strategy_performance", with(values, "strategy_id", strategy, "snapshot_at", at));
    }

    private List<StrategyRow> strategyRows(UUID strategy) {
        return rows((r, c) -> new StrategyRow(r.getBigDecimal("win_rate"), r.getBigDecimal("sortino_ratio"),
                r.getBigDecimal("max_drawdown"), r.getObject("snapshot_at", OffsetDateTime.class)),
                "SELECT * FROM active_strategies_performance WHERE id = ?", strategy);
    }

    private void holding(UUID account, UUID bot, String symbol, String side, String quantity, String cost,
                         Map<String, Object> extra) {
        BigDecimal q = dec(quantity);
        BigDecimal c = dec(cost);
        Map<String, Object> row = with(extra, "id", UUID.randomUUID(), "account_id", account,
                "strategy_activation_id", bot, "symbol", symbol, "side", side, "quantity", q, "cost_basis", c,
                "average_price", q.signum() == 0 ? BigDecimal.ZERO : c.divide(q, 12, java.math.RoundingMode.HALF_UP));
        fixture().insertValid("holdings", row);
    }
}
