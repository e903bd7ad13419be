package io.tradebook.store;

import static io.tradebook.store.SchemaFixture.MANUAL_STRATEGY;
import static io.tradebook.store.SchemaFixture.T0;
import static io.tradebook.store.SchemaFixture.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.SchemaCases.Default;
import io.tradebook.store.SchemaCases.EnumColumn;
import io.tradebook.store.SchemaCases.Refusal;
import io.tradebook.store.SchemaFixture.Owner;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Tradebook's schema promises, run against every database it supports: the migrations apply
 * from empty, every listed value is accepted and nothing else, the keys refuse duplicates, a user's
 * books go with the user, the views answer correctly and decimals stay exact.
 */
abstract class SchemaContract extends DatabaseContract {

    private static final List<String> TABLES = List.of("users", "phone_verifications", "api_keys",
            "user_sessions", "broker_connections", "accounts", "securities", "price_history", "market_quotes",
            "strategies", "strategy_activations", "orders", "order_events", "fills", "journal_entries",
            "journal_postings", "holdings", "trading_sessions", "round_trips", "risk_rules", "risk_events",
            "strategy_performance", "trade_ideas", "trade_idea_legs", "notifications", "system_logs",
            "retention_policies", "stream_tickets", "trading_nodes", "activation_runners", "market_replays", "backtest_runs", "flyway_schema_history");
    private static final List<String> VIEWS =
            List.of("active_strategies_performance", "account_performance", "account_holdings");
    private static final List<String> SEED_INDEXES = List.of("idx_users_phone", "idx_users_email",
            "idx_broker_connections_user", "idx_broker_connections_broker", "idx_securities_ticker",
            "idx_securities_type", "idx_securities_sector", "idx_price_history_security_date",
            "idx_trade_ideas_user", "idx_trade_ideas_status", "idx_trade_ideas_created", "idx_trade_idea_legs_trade",
            "idx_trade_idea_legs_security", "idx_trade_idea_legs_type", "idx_orders_account_id", "idx_orders_symbol",
            "idx_orders_status", "idx_orders_created_at", "idx_holdings_account_id", "idx_holdings_symbol",
            "idx_holdings_status", "idx_holdings_security", "idx_strategy_activations_status", "idx_notifications_user_id",
            "idx_notifications_created_at", "idx_trading_sessions_user_id", "idx_trading_sessions_status",
            "idx_round_trips_session", "idx_round_trips_strategy", "idx_strategy_performance_strategy",
            "idx_system_logs_timestamp", "idx_system_logs_level");

    // ---- migrations ---------------------------------------------------------------------------

    @Test
    void migrationsRunFromEmptyAndLeaveNothingPending() {
        List<String> versions = rows((r, c) -> r.getString("version") + ":" + r.getBoolean("success"),
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(versions).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "8:true", "9:true", "11:true",
                "12:true", "15:true", "16:true", "17:true", "18:true", "19:true");
        assertThat(database().migrate()).isZero();
    }

    @Test
    void everyTableViewAndSeedIndexExists() {
        List<String> tables = rows((r, c) -> r.getString(1), "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'");
        List<String> views = rows((r, c) -> r.getString(1), "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'VIEW'");
        String indexQuery = database().dialect() == Dialect.H2
                ? "SELECT index_name FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA"
                : "SELECT indexname FROM pg_indexes WHERE schemaname = CURRENT_SCHEMA";
        List<String> indexes = rows((r, c) -> r.getString(1), indexQuery);

        assertThat(tables).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(views).containsExactlyInAnyOrderElementsOf(VIEWS);
        assertThat(indexes).containsAll(SEED_INDEXES);
    }

    @Test
    void seedRowsArePresent() {
        assertThat(value(String.class, "SELECT code || '/' || category || '/' || name FROM strategies WHERE id = ?",
                MANUAL_STRATEGY)).isEqualTo("manual/manual/Manual and imported trades");
        Map<String, Integer> retention = new HashMap<>();
        rows((r, c) -> retention.put(r.getString(1), (Integer) r.getObject(2)),
                "SELECT data_class, retention_days FROM retention_policies");
        Map<String, Integer> expected = new HashMap<>();
        for (String forever : List.of("user_profiles", "order_history", "position_history", "strategy_configs")) {
            expected.put(forever, null);
        }
        expected.put("trading_sessions", 365);
        expected.put("risk_rules", 365);
        expected.put("unread_notifications", 30);
        expected.put("market_data_cache", 30);
        expected.put("realtime_order_status", 7);
        expected.put("active_user_sessions", 7);
        assertThat(retention).isEqualTo(expected);
    }

    // ---- listed values, defaults, range and consistency checks ---------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tradebook.store.SchemaCases#enumColumns")
    void enumeratedColumnAcceptsEveryListedValueAndNothingElse(EnumColumn column) {
        for (String value : column.values()) {
            Map<String, Object> row = fixture().validRow(column.table());
            column.companion().adjust(fixture(), row, value);
            row.put(column.column(), value);
            Object id = fixture().insert(column.table(), row);
            assertThat(value(String.class, "SELECT " + column.column() + " FROM " + column.table() + " WHERE id = ?", id))
                    .isEqualTo(value);
        }
        for (String bad : List.of("xx", flipCase(column.values().get(0)))) {
            Map<String, Object> row = fixture().validRow(column.table());
            row.put(column.column(), bad);
            assertRefused(() -> fixture().insert(column.table(), row), CHECK_VIOLATION, column.constraint());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tradebook.store.SchemaCases#defaults")
    void columnDefaultsAreTheDocumentedOnes(Default column) {
        Map<String, Object> row = fixture().validRow(column.table());
        row.remove(column.column());
        row.putAll(column.alongside());
        Object id = fixture().insert(column.table(), row);
        String sql = "SELECT " + column.column() + " FROM " + column.table() + " WHERE id = ?";
        if (column.expected() instanceof BigDecimal expected) {
            assertThat(value(BigDecimal.class, sql, id)).isEqualByComparingTo(expected);
        } else {
            assertThat(value(column.expected().getClass(), sql, id)).isEqualTo(column.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tradebook.store.SchemaCases#refusals")
    void inconsistentRowsAreRefused(Refusal refusal) {
        Map<String, Object> valid = fixture().validRow(refusal.table());
        Map<String, Object> row = new HashMap<>(valid);
        refusal.change().apply(fixture(), row);
        assertRefused(() -> fixture().insert(refusal.table(), row), CHECK_VIOLATION, refusal.constraint());
        // The unchanged row is fine: the refusal is due to the change alone.
        fixture().insert(refusal.table(), valid);
    }

    // ---- unique keys ----------------------------------------------------------------------------

    @Test
    void aTickerIsUniquePerExchange() {
        String ticker = SchemaFixture.unique("T");
        fixture().insertValid("securities", Map.of("ticker", ticker, "exchange", "XNAS"));
        fixture().insertValid("securities", Map.of("ticker", ticker, "exchange", "XNYS"));
        assertRefused(() -> fixture().insertValid("securities", Map.of("ticker", ticker, "exchange", "XNAS")),
                UNIQUE_VIOLATION, "uq_securities_ticker_exchange");
    }

    @Test
    void aBarIsUniquePerSecurityTimeframeAndTime() {
        UUID security = fixture().security();
        fixture().insertValid("price_history", Map.of("security_id", security, "timeframe", "1d", "bar_time", T0));
        fixture().insertValid("price_history", Map.of("security_id", security, "timeframe", "1h", "bar_time", T0));
        fixture().insertValid("price_history", Map.of("security_id", security, "timeframe", "1d", "bar_time", T0.plusDays(1)));
        assertRefused(() -> fixture().insertValid("price_history",
                Map.of("security_id", security, "timeframe", "1d", "bar_time", T0)), UNIQUE_VIOLATION,
                "idx_price_history_security_date");
    }

    @Test
    void aBrokerTradeIdIsBookedOncePerAccount() {
        Owner first = fixture().owner();
        Owner second = fixture().owner();
        UUID firstBot = fixture().activation(first.accountId());
        UUID secondBot = fixture().activation(second.accountId());
        fixture().insertValid("fills", Map.of("account_id", first.accountId(), "strategy_activation_id", firstBot,
                "broker_trade_id", "T-1"));
        fixture().insertValid("fills", Map.of("account_id", second.accountId(), "strategy_activation_id", secondBot,
                "broker_trade_id", "T-1"));
        assertRefused(() -> fixture().insertValid("fills", Map.of("account_id", first.accountId(),
                "strategy_activation_id", firstBot, "broker_trade_id", "T-1")), UNIQUE_VIOLATION, "uq_fills_broker_trade");
    }

    @Test
    void aClientOrderIdIsUsedOncePerAccountAndMayBeAbsent() {
        Owner owner = fixture().owner();
        UUID bot = fixture().activation(owner.accountId());
        Map<String, Object> base = Map.of("account_id", owner.accountId(), "strategy_activation_id", bot);
        fixture().insertValid("orders", with(base, "client_order_id", "c-1", "id", UUID.randomUUID()));
        fixture().insertValid("orders", with(base, "client_order_id", null, "id", UUID.randomUUID()));
        fixture().insertValid("orders", with(base, "client_order_id", null, "id", UUID.randomUUID()));
        assertRefused(() -> fixture().insertValid("orders", with(base, "client_order_id", "c-1", "id", UUID.randomUUID())),
                UNIQUE_VIOLATION, "uq_orders_client_order_id");
        assertThat(fixture().count("SELECT COUNT(*) FROM orders WHERE account_id = ?", owner.accountId())).isEqualTo(3);
    }

    @Test
    void oneOpenHoldingPerAccountStrategyAndSymbolButAnyNumberClosed() {
        Owner owner = fixture().owner();
        UUID bot = fixture().activation(owner.accountId());
        UUID otherBot = fixture().activation(owner.accountId());
        Map<String, Object> open = Map.of("account_id", owner.accountId(), "strategy_activation_id", bot, "symbol", "AAPL");
        Map<String, Object> closed = with(open, "status", "CLOSED", "open_marker", null, "quantity", BigDecimal.ZERO,
                "closed_at", T0.plusDays(1));
        UUID first = (UUID) fixture().insertValid("holdings", with(open, "id", UUID.randomUUID()));
        fixture().insertValid("holdings", with(closed, "id", UUID.randomUUID()));
        fixture().insertValid("holdings", with(closed, "id", UUID.randomUUID()));
        fixture().insertValid("holdings", with(open, "id", UUID.randomUUID(), "symbol", "MSFT"));
        fixture().insertValid("holdings", with(open, "id", UUID.randomUUID(), "strategy_activation_id", otherBot));
        assertRefused(() -> fixture().insertValid("holdings", with(open, "id", UUID.randomUUID(), "side", "SHORT")),
                UNIQUE_VIOLATION, "uq_holdings_one_open");

        fixture().update("UPDATE holdings SET status = 'CLOSED', open_marker = NULL, quantity = 0, closed_at = ? "
                + "WHERE id = ?", T0.plusDays(2), first);
        fixture().insertValid("holdings", with(open, "id", UUID.randomUUID()));

        assertThat(fixture().count("SELECT COUNT(*) FROM holdings WHERE strategy_activation_id = ? AND symbol = 'AAPL'",
                bot)).isEqualTo(4);
        assertThat(fixture().count("SELECT COUNT(*) FROM holdings WHERE strategy_activation_id = ? AND symbol = 'AAPL' "
                + "AND status = 'OPEN'", bot)).isEqualTo(1);
    }

    // ---- foreign keys ---------------------------------------------------------------------------

    @Test
    void deletingAUserDeletesTheirAccountsBooksAndEverythingTheyOwn() {
        UUID user = fixture().user();
        Owner owner = fixture().owner(user);
        UUID account = owner.accountId();
        UUID bot = fixture().activation(account);
        UUID order = (UUID) fixture().insertValid("orders", Map.of("account_id", account, "strategy_activation_id", bot));
        fixture().insertValid("order_events", Map.of("order_id", order));
        long fill = (Long) fixture().insertValid("fills",
                Map.of("account_id", account, "strategy_activation_id", bot, "order_id", order));
        long entry = (Long) fixture().insertValid("journal_entries",
                Map.of("account_id", account, "entry_type", "FILL", "fill_id", fill));
        fixture().insertValid("journal_postings", Map.of("entry_id", entry, "account_id", account,
                "strategy_activation_id", bot, "amount", dec("20")));
        fixture().insertValid("journal_postings", with(Map.of("entry_id", entry, "account_id", account,
                "ledger_account", "CASH", "amount", dec("-20")), "strategy_activation_id", null, "symbol", null));
        UUID holding = (UUID) fixture().insertValid("holdings", Map.of("account_id", account,
                "strategy_activation_id", bot, "opening_order_id", order));
        UUID session = (UUID) fixture().insertValid("trading_sessions", Map.of("account_id", account, "user_id", user,
                "strategy_activation_id", bot));
        fixture().insertValid("round_trips", Map.of("account_id", account, "strategy_activation_id", bot,
                "holding_id", holding, "session_id", session));
        UUID rule = (UUID) fixture().insertValid("risk_rules", Map.of("account_id", account, "user_id", user,
                "strategy_activation_id", bot));
        fixture().insertValid("risk_events", Map.of("rule_id", rule, "account_id", account, "order_id", order));
        fixture().insertValid("strategy_performance", Map.of("strategy_activation_id", bot, "account_id", account));
        fixture().insertValid("api_keys", Map.of("user_id", user, "strategy_activation_id", bot));
        fixture().insertValid("user_sessions", Map.of("user_id", user));
        fixture().insertValid("phone_verifications", Map.of("user_id", user));
        fixture().insertValid("notifications", Map.of("user_id", user));
        UUID idea = (UUID) fixture().insertValid("trade_ideas", Map.of("user_id", user, "account_id", account));
        fixture().insertValid("trade_idea_legs", Map.of("trade_idea_id", idea, "order_id", order));
        long log = (Long) fixture().insertValid("system_logs", Map.of("user_id", user));
        UUID plugin = (UUID) fixture().insertValid("strategies", Map.of("owner_user_id", user));
        Owner bystander = fixture().owner();
        fixture().fill(bystander.accountId(), fixture().activation(bystander.accountId()));

        assertThat(fixture().update("DELETE FROM users WHERE id = ?", user)).isEqualTo(1);

        Map<String, Object[]> gone = new java.util.LinkedHashMap<>();
        for (String table : List.of("accounts", "broker_connections", "api_keys", "user_sessions",
                "phone_verifications", "notifications", "trade_ideas", "trading_sessions", "risk_rules")) {
            gone.put(table, new Object[] {"user_id", user});
        }
        for (String table : List.of("strategy_activations", "orders", "fills", "journal_entries", "journal_postings",
                "holdings", "round_trips", "risk_events", "strategy_performance")) {
            gone.put(table, new Object[] {"account_id", account});
        }
        gone.put("order_events", new Object[] {"order_id", order});
        gone.put("trade_idea_legs", new Object[] {"trade_idea_id", idea});
        gone.forEach((table, where) -> assertThat(fixture().count(
                "SELECT COUNT(*) FROM " + table + " WHERE " + where[0] + " = ?", where[1])).as(table).isZero());

        assertThat(value(UUID.class, "SELECT user_id FROM system_logs WHERE id = ?", log)).isNull();
        assertThat(value(UUID.class, "SELECT owner_user_id FROM strategies WHERE id = ?", plugin)).isNull();
        assertThat(fixture().count("SELECT COUNT(*) FROM fills WHERE account_id = ?", bystander.accountId())).isEqualTo(1);
    }

    @Test
    void bookRowsCannotPointAtAnotherAccountsStrategyOrEntries() {
        Owner mine = fixture().owner();
        Owner theirs = fixture().owner();
        UUID theirBot = fixture().activation(theirs.accountId());
        long theirFill = fixture().fill(theirs.accountId(), theirBot);
        long theirEntry = (Long) fixture().insertValid("journal_entries", Map.of("account_id", theirs.accountId()));
        Map<String, Object> borrowed = Map.of("account_id", mine.accountId(), "strategy_activation_id", theirBot);

        assertRefused(() -> fixture().insertValid("fills", borrowed), FOREIGN_KEY_VIOLATION, "fk_fills_strategy_activation");
        assertRefused(() -> fixture().insertValid("orders", borrowed), FOREIGN_KEY_VIOLATION, "fk_orders_strategy_activation");
        assertRefused(() -> fixture().insertValid("holdings", borrowed), FOREIGN_KEY_VIOLATION,
                "fk_holdings_strategy_activation");
        assertRefused(() -> fixture().insertValid("journal_entries", Map.of("account_id", mine.accountId(),
                "entry_type", "FILL", "fill_id", theirFill)), FOREIGN_KEY_VIOLATION, "fk_journal_entries_fill");
        assertRefused(() -> fixture().insertValid("journal_postings", with(Map.of("entry_id", theirEntry,
                "account_id", mine.accountId(), "ledger_account", "CASH"), "strategy_activation_id", null, "symbol", null)),
                FOREIGN_KEY_VIOLATION, "fk_journal_postings_entry");
        UUID theirConnection = (UUID) fixture().insertValid("broker_connections", Map.of("user_id", theirs.userId()));
        assertRefused(() -> fixture().insertValid("accounts", Map.of("user_id", mine.userId(),
                "broker_connection_id", theirConnection)), FOREIGN_KEY_VIOLATION, "fk_accounts_broker_connection");
    }

    @Test
    void aStrategyActivationWithFillsCannotBeDeleted() {
        Owner owner = fixture().owner();
        UUID bot = fixture().activation(owner.accountId());
        fixture().fill(owner.accountId(), bot);
        assertRefused(() -> fixture().update("DELETE FROM strategy_activations WHERE id = ?", bot),
                FOREIGN_KEY_VIOLATION, "fk_fills_strategy_activation");
    }

    // ---- helpers --------------------------------------------------------------------------------

    static String flipCase(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.equals(value) ? value.toLowerCase(Locale.ROOT) : upper;
    }

    /** The map with pairs (name, value, name, value...) added; values may be null. */
    static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> result = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            result.put((String) pairs[i], pairs[i + 1]);
        }
        return result;
    }
}
