package io.tradebook.store;

import static io.tradebook.store.SchemaFixture.T0;
import static io.tradebook.store.SchemaFixture.dec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The tables of cases {@link SchemaContract} runs: listed values, defaults and refused rows. */
final class SchemaCases {

    private SchemaCases() {
    }

    /** Changes a fixture row, e.g. to add what a listed value requires alongside it. */
    @FunctionalInterface
    interface RowChange {
        void apply(SchemaFixture fixture, Map<String, Object> row);

        RowChange NONE = (fixture, row) -> { };
    }

    /** A column whose CHECK lists its values; {@code companion} adds what a value needs. */
    record EnumColumn(String table, String column, List<String> values, ValueCompanion companion) {

        /** Adjusts the rest of the row for one listed value. */
        @FunctionalInterface
        interface ValueCompanion {
            void adjust(SchemaFixture fixture, Map<String, Object> row, String value);
        }

        static EnumColumn of(String table, String column, String... values) {
            return new EnumColumn(table, column, List.of(values), (fixture, row, value) -> { });
        }

        EnumColumn with(ValueCompanion companion) {
            return new EnumColumn(table, column, values, companion);
        }

        String constraint() {
            return "ck_" + table + "_" + column;
        }

        @Override
        public String toString() {
            return table + "." + column + " " + values;
        }
    }

    /** A row the schema must refuse, and the constraint that must say so. */
    record Refusal(String description, String table, RowChange change, String constraint) {
        static Refusal of(String description, String table, Map<String, Object> overrides, String constraint) {
            return new Refusal(description, table, (fixture, row) -> row.putAll(overrides), constraint);
        }

        @Override
        public String toString() {
            return table + ": " + description;
        }
    }

    /** A column default the application relies on; {@code alongside} keeps the rest of the row valid. */
    record Default(String table, String column, Object expected, Map<String, Object> alongside) {
        Default(String table, String column, Object expected) {
            this(table, column, expected, Map.of());
        }

        @Override
        public String toString() {
            return table + "." + column + " = " + expected;
        }
    }

    static final String[] ORDER_STATUSES =
            {"PENDING", "PLACED", "PARTIALLY_FILLED", "FILLED", "REJECTED", "CANCELLED", "EXPIRED"};
    static final String[] TIMEFRAMES = {"1m", "5m", "15m", "1h", "4h", "1d"};
    static final String[] SECURITY_TYPES = {"equity", "etf", "bond", "option", "future", "index", "crypto"};
    static final String[] RULE_TYPES = {"MAX_POSITION_SIZE", "MAX_OPEN_POSITIONS", "MAX_DAILY_LOSS",
        "MAX_DRAWDOWN", "MAX_ORDERS_PER_DAY", "MIN_CAPITAL_THRESHOLD", "RISK_PER_TRADE"};

    static Stream<EnumColumn> enumColumns() {
        return Stream.of(
                EnumColumn.of("users", "role", "USER", "ADMIN"),
                EnumColumn.of("users", "risk_tolerance", "low", "medium", "high"),
                EnumColumn.of("users", "subscription_status", "NONE", "TRIAL", "ACTIVE", "PAST_DUE", "CANCELLED", "EXPIRED"),
                EnumColumn.of("broker_connections", "broker",
                        "paper", "alpaca", "swissquote", "ibkr", "tradier", "tradelocker", "angel_one", "manual"),
                EnumColumn.of("accounts", "account_type", "CASH", "MARGIN"),
                EnumColumn.of("securities", "security_type", SECURITY_TYPES),
                EnumColumn.of("price_history", "timeframe", TIMEFRAMES),
                EnumColumn.of("strategies", "category", "trend", "mean_reversion", "momentum", "breakout",
                        "volatility", "arbitrage", "market_making", "portfolio", "manual", "other"),
                EnumColumn.of("strategies", "risk_level", "LOW", "MEDIUM", "HIGH"),
                EnumColumn.of("strategies", "timeframe", TIMEFRAMES),
                EnumColumn.of("strategy_activations", "status", "ACTIVE", "PAUSED", "STOPPED"),
                EnumColumn.of("orders", "side", "BUY", "SELL"),
                EnumColumn.of("orders", "order_type", "MARKET", "LIMIT", "STOP_LOSS", "STOP_LIMIT"),
                EnumColumn.of("orders", "time_in_force", "DAY", "GTC", "IOC", "FOK"),
                EnumColumn.of("orders", "status", ORDER_STATUSES),
                EnumColumn.of("order_events", "from_status", ORDER_STATUSES),
                EnumColumn.of("order_events", "to_status", ORDER_STATUSES),
                EnumColumn.of("fills", "side", "BUY", "SELL").with((fixture, row, value) -> {
                    if (value.equals("SELL")) {
                        row.put("total_cost", dec("19.5"));
                    }
                }),
                EnumColumn.of("journal_entries", "entry_type", "DEPOSIT", "WITHDRAWAL", "FILL", "ALLOCATION", "RELEASE")
                        .with((fixture, row, value) -> {
                            if (value.equals("FILL")) {
                                UUID account = (UUID) row.get("account_id");
                                row.put("fill_id", fixture.fill(account, fixture.activation(account)));
                            }
                        }),
                EnumColumn.of("journal_postings", "ledger_account", "CASH", "CAPITAL", "POSITION_COST", "TRADING_PNL", "FEES")
                        .with((fixture, row, value) -> {
                            if (value.equals("CAPITAL") || value.equals("CASH")) {
                                row.put("symbol", null);
                            }
                            if (value.equals("CAPITAL")) {
                                row.put("strategy_activation_id", null);
                            }
                        }),
                EnumColumn.of("holdings", "side", "LONG", "SHORT"),
                EnumColumn.of("holdings", "status", "OPEN", "CLOSED").with((fixture, row, value) -> {
                    if (value.equals("CLOSED")) {
                        row.put("open_marker", null);
                        row.put("closed_at", T0.plusDays(1));
                        row.put("quantity", BigDecimal.ZERO);
                    }
                }),
                EnumColumn.of("trading_sessions", "status", "ACTIVE", "COMPLETED").with((fixture, row, value) -> {
                    if (value.equals("COMPLETED")) {
                        row.put("ended_at", T0.plusDays(1));
                    }
                }),
                EnumColumn.of("round_trips", "direction", "LONG", "SHORT"),
                EnumColumn.of("round_trips", "status", "OPEN", "CLOSED").with((fixture, row, value) -> {
                    if (value.equals("CLOSED")) {
                        row.put("exit_price", dec("110"));
                        row.put("exit_time", T0.plusDays(1));
                    }
                }),
                EnumColumn.of("risk_rules", "rule_type", RULE_TYPES),
                EnumColumn.of("risk_rules", "rule_unit", "QUANTITY", "NOTIONAL", "AMOUNT", "FRACTION", "COUNT"),
                EnumColumn.of("risk_events", "rule_type", RULE_TYPES),
                EnumColumn.of("strategy_performance", "source", "LIVE", "BACKTEST"),
                EnumColumn.of("trade_ideas", "status", "draft", "active", "closed", "archived"),
                EnumColumn.of("trade_ideas", "recommendation", "RECOMMENDED", "CONDITIONAL", "NOT_RECOMMENDED"),
                EnumColumn.of("trade_ideas", "risk_level", "LOW", "MODERATE", "HIGH"),
                EnumColumn.of("trade_idea_legs", "position_type", "long", "short"),
                EnumColumn.of("trade_idea_legs", "security_type", SECURITY_TYPES),
                EnumColumn.of("trade_idea_legs", "status", "recommended", "open", "closed"),
                EnumColumn.of("notifications", "notification_type", "ORDER_FILLED", "ORDER_REJECTED", "SERVICE_DOWN",
                        "SERVICE_RESTORED", "SYSTEM_ERROR", "STRATEGY_SIGNAL", "RISK_ALERT"),
                EnumColumn.of("notifications", "alert_level", "INFO", "WARNING", "ERROR", "CRITICAL"),
                EnumColumn.of("system_logs", "level", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"));
    }

    static Stream<Default> defaults() {
        return Stream.of(
                new Default("users", "role", "USER"),
                new Default("users", "risk_tolerance", "medium"),
                new Default("users", "subscription_status", "NONE"),
                new Default("broker_connections", "can_read", true),
                new Default("broker_connections", "can_trade", false),
                new Default("api_keys", "scope_trade", false),
                new Default("accounts", "account_type", "CASH"),
                new Default("accounts", "base_currency", "USD"),
                new Default("accounts", "cash_balance", BigDecimal.ZERO),
                new Default("securities", "currency", "USD"),
                new Default("strategies", "category", "other"),
                new Default("strategy_activations", "status", "ACTIVE"),
                new Default("strategy_activations", "total_pnl", BigDecimal.ZERO),
                new Default("orders", "status", "PENDING"),
                new Default("orders", "filled_quantity", BigDecimal.ZERO),
                new Default("orders", "retry_count", 0),
                new Default("fills", "fee", BigDecimal.ZERO, Map.of("total_cost", dec("20"))),
                new Default("trading_sessions", "status", "ACTIVE"),
                new Default("risk_rules", "is_violated", false),
                new Default("risk_rules", "violation_message", ""),
                new Default("strategy_performance", "source", "LIVE"),
                new Default("trade_ideas", "status", "draft"),
                new Default("trade_idea_legs", "status", "recommended"),
                new Default("notifications", "alert_level", "INFO"));
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                Refusal.of("neither email nor phone", "users", nullMap("email"), "ck_users_contact"),
                Refusal.of("negative failed logins", "users", Map.of("failed_login_count", -1), "ck_users_failed_login_count"),
                Refusal.of("negative declared capital", "users", Map.of("total_capital", dec("-1")), "ck_users_total_capital"),
                Refusal.of("negative attempts", "phone_verifications", Map.of("attempts", -1), "ck_phone_verifications_attempts"),
                Refusal.of("unknown code purpose", "phone_verifications", Map.of("purpose", "EMAIL"), "ck_phone_verifications_purpose"),
                Refusal.of("attaching a number to no user", "phone_verifications", withNull(Map.of("purpose", "ATTACH"), "user_id"),
                        "ck_phone_verifications_attach_user"),
                Refusal.of("zero rate limit", "api_keys", Map.of("rate_limit_per_minute", 0), "ck_api_keys_rate_limit"),
                Refusal.of("zero tick size", "securities", Map.of("tick_size", dec("0")), "ck_securities_tick_size"),
                Refusal.of("quantity scale beyond 8", "securities", Map.of("quantity_scale", 9), "ck_securities_quantity_scale"),
                Refusal.of("52-week high below low", "securities",
                        Map.of("fifty_two_week_high", dec("1"), "fifty_two_week_low", dec("2")), "ck_securities_fifty_two_week"),
                Refusal.of("negative volume", "securities", Map.of("volume", dec("-1")), "ck_securities_volume"),
                Refusal.of("high below low", "price_history", Map.of("high", dec("8")), "ck_price_history_high_low"),
                Refusal.of("negative minimum capital", "strategies", Map.of("min_capital", dec("-1")), "ck_strategies_min_capital"),
                new Refusal("built-in strategy owned by a user", "strategies",
                        (fixture, row) -> row.putAll(Map.of("is_builtin", true, "owner_user_id", fixture.user())),
                        "ck_strategies_builtin_owner"),
                Refusal.of("negative allocation", "strategy_activations",
                        Map.of("allocation_amount", dec("-1"), "cash_balance", dec("0")), "ck_strategy_activations_allocation_amount"),
                Refusal.of("allocation without budget balance", "strategy_activations",
                        Map.of("allocation_amount", dec("100")), "ck_strategy_activations_budget"),
                Refusal.of("budget balance without allocation", "strategy_activations",
                        Map.of("cash_balance", dec("100")), "ck_strategy_activations_budget"),
                Refusal.of("zero quantity", "orders", Map.of("quantity", dec("0")), "ck_orders_quantity"),
                Refusal.of("overfilled", "orders", Map.of("filled_quantity", dec("10.00000001")), "ck_orders_filled_quantity"),
                Refusal.of("negative filled", "orders", Map.of("filled_quantity", dec("-1")), "ck_orders_filled_quantity"),
                Refusal.of("limit order without limit price", "orders", nullMap("limit_price"), "ck_orders_limit_price"),
                Refusal.of("stop-limit without stop price", "orders",
                        withNull(Map.of("order_type", "STOP_LIMIT"), "stop_price"), "ck_orders_stop_price"),
                Refusal.of("stop-loss without stop price", "orders",
                        withNull(Map.of("order_type", "STOP_LOSS"), "stop_price"), "ck_orders_stop_price"),
                Refusal.of("confidence above 1", "orders", Map.of("confidence", dec("1.0001")), "ck_orders_confidence"),
                Refusal.of("negative retries", "orders", Map.of("retry_count", -1), "ck_orders_retry_count"),
                Refusal.of("negative reserved cash", "orders", Map.of("reserved_cash", dec("-1")), "ck_orders_reserved_cash"),
                Refusal.of("zero quantity", "fills", Map.of("quantity", dec("0"), "total_cost", dec("0.5")), "ck_fills_quantity"),
                Refusal.of("negative price", "fills", Map.of("price", dec("-1"), "total_cost", dec("-1.5")), "ck_fills_price"),
                Refusal.of("negative fee", "fills", Map.of("fee", dec("-0.5"), "total_cost", dec("19.5")), "ck_fills_fee"),
                Refusal.of("total cost off by 1e-20", "fills",
                        Map.of("total_cost", dec("20.50000000000000000001")), "ck_fills_total_cost"),
                Refusal.of("sell with a buy's total cost", "fills", Map.of("side", "SELL"), "ck_fills_total_cost"),
                Refusal.of("negative confidence", "fills", Map.of("confidence", dec("-0.0001")), "ck_fills_confidence"),
                Refusal.of("FILL entry without a fill", "journal_entries", Map.of("entry_type", "FILL"),
                        "ck_journal_entries_entry_type_fill"),
                new Refusal("DEPOSIT entry naming a fill", "journal_entries", (fixture, row) -> {
                    UUID account = (UUID) row.get("account_id");
                    row.put("fill_id", fixture.fill(account, fixture.activation(account)));
                }, "ck_journal_entries_entry_type_fill"),
                Refusal.of("FEES with null symbol", "journal_postings",
                        withNull(Map.of("ledger_account", "FEES"), "symbol"), "ck_journal_postings_ledger_account_dimensions"),
                Refusal.of("TRADING_PNL without strategy", "journal_postings",
                        withNull(Map.of("ledger_account", "TRADING_PNL"), "strategy_activation_id"),
                        "ck_journal_postings_ledger_account_dimensions"),
                Refusal.of("CASH with a symbol", "journal_postings", Map.of("ledger_account", "CASH"),
                        "ck_journal_postings_ledger_account_dimensions"),
                Refusal.of("CAPITAL with a strategy", "journal_postings",
                        withNull(Map.of("ledger_account", "CAPITAL"), "symbol"), "ck_journal_postings_ledger_account_dimensions"),
                Refusal.of("OPEN without open marker", "holdings", nullMap("open_marker"), "ck_holdings_status_marker"),
                Refusal.of("OPEN with marker 2", "holdings", Map.of("open_marker", 2), "ck_holdings_status_marker"),
                Refusal.of("OPEN with closed_at", "holdings", Map.of("closed_at", T0.plusDays(1)), "ck_holdings_status_marker"),
                Refusal.of("CLOSED keeping the open marker", "holdings",
                        Map.of("status", "CLOSED", "closed_at", T0.plusDays(1), "quantity", dec("0")), "ck_holdings_status_marker"),
                Refusal.of("CLOSED without closed_at", "holdings",
                        withNull(Map.of("status", "CLOSED", "quantity", dec("0")), "open_marker"), "ck_holdings_status_marker"),
                Refusal.of("OPEN with zero quantity", "holdings", Map.of("quantity", dec("0")), "ck_holdings_status_quantity"),
                Refusal.of("CLOSED with quantity left", "holdings",
                        withNull(Map.of("status", "CLOSED", "closed_at", T0.plusDays(1)), "open_marker"),
                        "ck_holdings_status_quantity"),
                Refusal.of("negative cost basis", "holdings", Map.of("cost_basis", dec("-1")), "ck_holdings_cost_basis"),
                Refusal.of("negative average price", "holdings", Map.of("average_price", dec("-1")), "ck_holdings_average_price"),
                Refusal.of("negative fees", "holdings", Map.of("fees", dec("-1")), "ck_holdings_fees"),
                Refusal.of("negative exit proceeds", "holdings", Map.of("exit_proceeds", dec("-1")), "ck_holdings_entry_exit"),
                Refusal.of("COMPLETED without end", "trading_sessions", Map.of("status", "COMPLETED"),
                        "ck_trading_sessions_status_ended"),
                Refusal.of("ACTIVE with end", "trading_sessions", Map.of("ended_at", T0.plusDays(1)),
                        "ck_trading_sessions_status_ended"),
                Refusal.of("ends before it starts", "trading_sessions",
                        Map.of("status", "COMPLETED", "started_at", T0, "ended_at", T0.minusDays(1)), "ck_trading_sessions_period"),
                Refusal.of("negative drawdown", "trading_sessions", Map.of("max_drawdown", dec("-1")),
                        "ck_trading_sessions_max_drawdown"),
                Refusal.of("zero size", "round_trips", Map.of("size", dec("0")), "ck_round_trips_size"),
                Refusal.of("confidence above 1", "round_trips", Map.of("ai_confidence", dec("1.5")), "ck_round_trips_ai_confidence"),
                Refusal.of("CLOSED without exit", "round_trips", Map.of("status", "CLOSED"), "ck_round_trips_status_exit"),
                Refusal.of("exit before entry", "round_trips",
                        Map.of("status", "CLOSED", "exit_price", dec("1"), "exit_time", T0.minusDays(1)), "ck_round_trips_period"),
                Refusal.of("negative threshold", "risk_rules", Map.of("rule_value", dec("-1")), "ck_risk_rules_rule_value"),
                Refusal.of("fraction above 1", "risk_rules",
                        Map.of("rule_unit", "FRACTION", "rule_value", dec("1.5")), "ck_risk_rules_rule_value_unit"),
                Refusal.of("fractional count", "risk_rules",
                        Map.of("rule_unit", "COUNT", "rule_value", dec("2.5")), "ck_risk_rules_rule_value_unit"),
                Refusal.of("win rate above 1", "strategy_performance", Map.of("win_rate", dec("1.01")),
                        "ck_strategy_performance_win_rate"),
                Refusal.of("no subject", "strategy_performance", nullMap("strategy_id"), "ck_strategy_performance_subject"),
                Refusal.of("negative drawdown", "strategy_performance", Map.of("max_drawdown", dec("-0.1")),
                        "ck_strategy_performance_max_drawdown"),
                Refusal.of("negative trade count", "strategy_performance", Map.of("trades_count", -1),
                        "ck_strategy_performance_trades_count"),
                Refusal.of("period ends before it starts", "strategy_performance",
                        Map.of("period_start", T0, "period_end", T0.minusDays(1)), "ck_strategy_performance_period"),
                Refusal.of("zero allocation", "trade_idea_legs", Map.of("allocation_percent", dec("0")),
                        "ck_trade_idea_legs_allocation_percent"),
                Refusal.of("allocation above 100", "trade_idea_legs", Map.of("allocation_percent", dec("100.01")),
                        "ck_trade_idea_legs_allocation_percent"),
                Refusal.of("zero retention", "retention_policies", Map.of("retention_days", 0),
                        "ck_retention_policies_retention_days"));
    }

    private static Map<String, Object> nullMap(String column) {
        return withNull(Map.of(), column);
    }

    private static Map<String, Object> withNull(Map<String, Object> values, String column) {
        Map<String, Object> map = new java.util.HashMap<>(values);
        map.put(column, null);
        return map;
    }
}
