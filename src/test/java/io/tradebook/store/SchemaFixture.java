package io.tradebook.store;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * Builds valid rows for every Tradebook table, creating the parent rows each one needs, so a
 * schema test can change one column and see whether the database accepts it. Every row gets
 * fresh parents and unique keys, so tests sharing one database never collide.
 */
final class SchemaFixture {

    /** The built-in strategy manual orders and imported fills are booked to (seeded by V2). */
    static final UUID MANUAL_STRATEGY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    /** A fixed instant the fixtures use as "now". */
    static final OffsetDateTime T0 = OffsetDateTime.of(2024, 1, 2, 14, 30, 0, 0, ZoneOffset.UTC);

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Jdbi jdbi;

    SchemaFixture(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An account and the user who owns it. */
    record Owner(UUID userId, UUID accountId) {
    }

    static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /**
     * Inserts one row (a {@code null} value is written as SQL NULL) and returns its key: the
     * row's {@code id} if it has one, else the generated BIGINT id.
     */
    Object insert(String table, Map<String, Object> row) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (columns.length() > 0) {
                columns.append(", ");
                values.append(", ");
            }
            columns.append(column.getKey());
            values.append(column.getValue() == null ? "NULL" : ":" + column.getKey());
        }
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
        try (Handle handle = jdbi.open()) {
            Update update = handle.createUpdate(sql);
            row.forEach((name, value) -> {
                if (value != null) {
                    update.bind(name, value);
                }
            });
            if (row.containsKey("id") || table.equals("retention_policies") || table.equals("market_quotes")) {
                update.execute();
                return row.containsKey("id") ? row.get("id") : null;
            }
            return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }
    }

    /** Inserts {@link #validRow(String)} with the overrides applied; returns the key. */
    Object insertValid(String table, Map<String, Object> overrides) {
        Map<String, Object> row = validRow(table);
        row.putAll(overrides);
        return insert(table, row);
    }

    int update(String sql, Object... positional) {
        try (Handle handle = jdbi.open()) {
            Update update = handle.createUpdate(sql);
            for (int i = 0; i < positional.length; i++) {
                update.bind(i, positional[i]);
            }
            return update.execute();
        }
    }

    long count(String sql, Object... positional) {
        try (Handle handle = jdbi.open()) {
            var query = handle.createQuery(sql);
            for (int i = 0; i < positional.length; i++) {
                query.bind(i, positional[i]);
            }
            return query.mapTo(Long.class).one();
        }
    }

    // ---- parents ----------------------------------------------------------------------------

    UUID user() {
        return (UUID) insert("users", validRow("users"));
    }

    Owner owner() {
        Map<String, Object> account = validRow("accounts");
        insert("accounts", account);
        return new Owner((UUID) account.get("user_id"), (UUID) account.get("id"));
    }

    Owner owner(UUID userId) {
        UUID connection = (UUID) insertValid("broker_connections", Map.of("user_id", userId));
        UUID account = (UUID) insertValid("accounts", Map.of("user_id", userId, "broker_connection_id", connection));
        return new Owner(userId, account);
    }

    UUID activation(UUID accountId) {
        return (UUID) insertValid("strategy_activations", Map.of("account_id", accountId));
    }

    UUID security() {
        return (UUID) insert("securities", validRow("securities"));
    }

    UUID strategy() {
        return (UUID) insert("strategies", validRow("strategies"));
    }

    long fill(UUID accountId, UUID activationId) {
        return (Long) insertValid("fills", Map.of("account_id", accountId, "strategy_activation_id", activationId));
    }

    UUID holding(UUID accountId, UUID activationId) {
        return (UUID) insertValid("holdings", Map.of("account_id", accountId, "strategy_activation_id", activationId));
    }

    /** A mutable, valid row for the table, with fresh parents. */
    Map<String, Object> validRow(String table) {
        Map<String, Object> row = new LinkedHashMap<>();
        switch (table) {
            case "users" -> {
                row.put("id", UUID.randomUUID());
                row.put("email", unique("user") + "@example.com");
                row.put("full_name", "Test User");
            }
            case "phone_verifications" -> {
                row.put("id", UUID.randomUUID());
                row.put("user_id", user());
                row.put("phone_number", "+41790000000");
                row.put("code_hash", "hash");
                row.put("expires_at", T0.plusMinutes(10));
            }
            case "api_keys" -> {
                row.put("id", UUID.randomUUID());
                row.put("user_id", user());
                row.put("name", "bot key");
                row.put("key_prefix", "tb_abc");
                row.put("key_hash", unique("hash"));
            }
            case "user_sessions" -> {
                row.put("id", UUID.randomUUID());
                row.put("user_id", user());
                row.put("refresh_token_hash", unique("refresh"));
                row.put("expires_at", T0.plusDays(7));
            }
            case "broker_connections" -> {
                row.put("id", UUID.randomUUID());
                row.put("user_id", user());
                row.put("broker", "paper");
                row.put("account_number", unique("ACC"));
            }
            case "accounts" -> {
                UUID user = user();
                row.put("id", UUID.randomUUID());
                row.put("user_id", user);
                row.put("broker_connection_id", insertValid("broker_connections", Map.of("user_id", user)));
                row.put("name", unique("Account"));
            }
            case "securities" -> {
                row.put("id", UUID.randomUUID());
                row.put("ticker", unique("T"));
                row.put("name", "Test Corp");
                row.put("security_type", "equity");
                row.put("exchange", "XNAS");
            }
            case "price_history" -> {
                row.put("security_id", security());
                row.put("timeframe", "1d");
                row.put("bar_time", T0);
                row.put("open", dec("10"));
                row.put("high", dec("11"));
                row.put("low", dec("9"));
                row.put("close", dec("10.5"));
                row.put("volume", dec("1000"));
            }
            case "market_quotes" -> {
                row.put("security_id", security());
                row.put("bid", dec("9.99"));
                row.put("ask", dec("10.01"));
                row.put("last", dec("10"));
            }
            case "strategies" -> {
                row.put("id", UUID.randomUUID());
                row.put("code", unique("code"));
                row.put("name", unique("Strategy"));
                row.put("category", "trend");
                row.put("symbols", "[\"AAPL\"]");
                row.put("parameters", "{}");
            }
            case "strategy_activations" -> {
                row.put("id", UUID.randomUUID());
                row.put("account_id", owner().accountId());
                row.put("strategy_id", MANUAL_STRATEGY);
                row.put("name", unique("bot"));
            }
            case "orders" -> {
                UUID account = owner().accountId();
                row.put("id", UUID.randomUUID());
                row.put("account_id", account);
                row.put("strategy_activation_id", activation(account));
                row.put("symbol", "AAPL");
                row.put("side", "BUY");
                row.put("order_type", "LIMIT");
                row.put("time_in_force", "DAY");
                row.put("quantity", dec("10"));
                row.put("limit_price", dec("100"));
                row.put("stop_price", dec("95"));
                row.put("status", "PENDING");
            }
            case "order_events" -> {
                row.put("order_id", insert("orders", validRow("orders")));
                row.put("from_status", "PENDING");
                row.put("to_status", "PLACED");
            }
            case "fills" -> {
                UUID account = owner().accountId();
                row.put("account_id", account);
                row.put("strategy_activation_id", activation(account));
                row.put("symbol", "AAPL");
                row.put("side", "BUY");
                row.put("quantity", dec("2"));
                row.put("price", dec("10"));
                row.put("fee", dec("0.5"));
                row.put("total_cost", dec("20.5"));
                row.put("currency", "USD");
                row.put("broker_trade_id", unique("trade"));
                row.put("executed_at", T0);
            }
            case "journal_entries" -> {
                row.put("account_id", owner().accountId());
                row.put("entry_type", "DEPOSIT");
                row.put("occurred_at", T0);
            }
            case "journal_postings" -> {
                UUID account = owner().accountId();
                row.put("entry_id", insertValid("journal_entries", Map.of("account_id", account)));
                row.put("account_id", account);
                row.put("ledger_account", "POSITION_COST");
                row.put("strategy_activation_id", activation(account));
                row.put("symbol", "AAPL");
                row.put("amount", dec("100"));
                row.put("currency", "USD");
            }
            case "holdings" -> {
                UUID account = owner().accountId();
                row.put("id", UUID.randomUUID());
                row.put("account_id", account);
                row.put("strategy_activation_id", activation(account));
                row.put("symbol", "AAPL");
                row.put("side", "LONG");
                row.put("quantity", dec("10"));
                row.put("average_price", dec("100"));
                row.put("cost_basis", dec("1000"));
                row.put("entry_quantity", dec("10"));
                row.put("entry_cost", dec("1000"));
                row.put("status", "OPEN");
                row.put("open_marker", 1);
                row.put("opened_at", T0);
            }
            case "trading_sessions" -> {
                Owner owner = owner();
                row.put("id", UUID.randomUUID());
                row.put("account_id", owner.accountId());
                row.put("user_id", owner.userId());
                row.put("started_at", T0);
                row.put("capital_at_start", dec("10000"));
                row.put("status", "ACTIVE");
            }
            case "round_trips" -> {
                UUID account = owner().accountId();
                UUID activation = activation(account);
                row.put("id", UUID.randomUUID());
                row.put("account_id", account);
                row.put("strategy_activation_id", activation);
                row.put("holding_id", holding(account, activation));
                row.put("symbol", "AAPL");
                row.put("direction", "LONG");
                row.put("entry_price", dec("100"));
                row.put("size", dec("10"));
                row.put("entry_time", T0);
                row.put("status", "OPEN");
            }
            case "risk_rules" -> {
                Owner owner = owner();
                row.put("id", UUID.randomUUID());
                row.put("account_id", owner.accountId());
                row.put("user_id", owner.userId());
                row.put("rule_type", "MAX_POSITION_SIZE");
                row.put("rule_unit", "QUANTITY");
                row.put("rule_value", dec("1"));
            }
            case "risk_events" -> {
                Map<String, Object> rule = validRow("risk_rules");
                insert("risk_rules", rule);
                row.put("rule_id", rule.get("id"));
                row.put("account_id", rule.get("account_id"));
                row.put("rule_type", "MAX_POSITION_SIZE");
                row.put("rule_value", dec("1"));
                row.put("observed_value", dec("2"));
                row.put("message", "position too large");
            }
            case "strategy_performance" -> {
                row.put("id", UUID.randomUUID());
                row.put("strategy_id", strategy());
                row.put("source", "LIVE");
                row.put("win_rate", dec("0.5"));
                row.put("trades_count", 10);
            }
            case "trade_ideas" -> {
                row.put("id", UUID.randomUUID());
                row.put("user_id", user());
                row.put("trade_name", "Idea");
                row.put("trade_description", "Long quality, short junk");
                row.put("status", "draft");
            }
            case "trade_idea_legs" -> {
                row.put("id", UUID.randomUUID());
                row.put("trade_idea_id", insert("trade_ideas", validRow("trade_ideas")));
                row.put("security_id", security());
                row.put("position_type", "long");
                row.put("security_type", "equity");
                row.put("allocation_percent", dec("25"));
                row.put("status", "recommended");
            }
            case "notifications" -> {
                row.put("user_id", user());
                row.put("notification_type", "ORDER_FILLED");
                row.put("alert_level", "INFO");
                row.put("title", "Filled");
                row.put("message", "Bought 2 AAPL");
            }
            case "system_logs" -> {
                row.put("level", "INFO");
                row.put("component", "test");
                row.put("message", "hello");
            }
            case "retention_policies" -> {
                row.put("data_class", unique("class"));
                row.put("retention_days", 10);
                row.put("applies_to", "test data");
            }
            default -> throw new IllegalArgumentException("No fixture for table " + table);
        }
        return row;
    }
}
