package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyExpectations;
import io.tradebook.core.strategies.StrategyMetadata;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The columns of a {@code strategies} row that the strategy catalog owns, as the catalog entry
 * says they should be or as a row holds them: code, name, description, category, risk level,
 * minimum capital, expected yearly return, maximum drawdown, symbols, timeframe, parameters,
 * built-in flag and plugin class. The other columns (is_active, performance, risk settings, owner)
 * belong to the database's users and are never written from here. Immutable.
 *
 * <p>{@code parameters} is a JSON object with one member per declared parameter, in declaration
 * order: {@code {"fast": {"position": 1, "type": "integer", "default": "10", "min": "1",
 * "minExclusive": false, "max": "100000", "description": "..."}, ...}}. Numbers are strings, as in
 * every Tradebook JSON, so they stay exact; {@code position} keeps the order, which PostgreSQL's
 * JSONB does not. {@code symbols} is a JSON array.
 */
record StrategyRow(String code, String name, String description, String category, String riskLevel, BigDecimal minCapital,
                   BigDecimal expectedReturn, BigDecimal maxDrawdown, JsonNode symbols, String timeframe, JsonNode parameters,
                   boolean builtIn, String pluginClass) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns {@link #bind} writes, in the order of {@link #VALUES}. */
    static final String COLUMNS = "code, name, description, category, risk_level, min_capital, expected_return_annual, max_drawdown, "
            + "symbols, timeframe, parameters, is_builtin, plugin_class";
    static final String VALUES = ":code, :name, :description, :category, :risk, :minCapital, :expectedReturn, :maxDrawdown, "
            + ":symbols, :timeframe, :parameters, :builtin, :plugin";
    static final String ASSIGNMENTS = "name = :name, description = :description, category = :category, risk_level = :risk, "
            + "min_capital = :minCapital, expected_return_annual = :expectedReturn, max_drawdown = :maxDrawdown, symbols = :symbols, "
            + "timeframe = :timeframe, parameters = :parameters, is_builtin = :builtin, plugin_class = :plugin";

    /** The row {@code entry} should have. */
    static StrategyRow of(StrategyCatalog.Entry entry) {
        StrategyMetadata m = entry.metadata();
        StrategyExpectations e = entry.definition().expectations().orElse(null);
        return new StrategyRow(m.code(), m.name(), m.description(), m.category().code(), m.riskLevel().name(), m.minCapital(),
                e == null ? null : e.annualReturn(), e == null ? null : e.maxDrawdown(), JSON.valueToTree(m.symbols()),
                m.timeframe() == null ? null : m.timeframe().code(), JSON.valueToTree(parameters(m)), entry.builtIn(),
                entry.builtIn() ? null : entry.definition().getClass().getName());
    }

    private static Map<String, Map<String, Object>> parameters(StrategyMetadata m) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        int position = 0;
        for (ParameterSpec p : m.parameters()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("position", ++position);
            spec.put("type", p.type().name().toLowerCase(Locale.ROOT));
            spec.put("default", p.format(p.defaultValue()));
            spec.put("min", p.min() == null ? null : p.format(p.min()));
            spec.put("minExclusive", p.minExclusive());
            spec.put("max", p.max() == null ? null : p.format(p.max()));
            spec.put("description", p.description());
            all.put(p.name(), spec);
        }
        return all;
    }

    /** The catalog-owned columns of the current row of a result set. */
    static StrategyRow read(ResultSet rs) throws SQLException {
        return new StrategyRow(rs.getString("code"), rs.getString("name"), rs.getString("description"), rs.getString("category"),
                rs.getString("risk_level"), rs.getBigDecimal("min_capital"), rs.getBigDecimal("expected_return_annual"),
                rs.getBigDecimal("max_drawdown"), tree(rs.getString("symbols")), rs.getString("timeframe"),
                tree(rs.getString("parameters")), rs.getBoolean("is_builtin"), rs.getString("plugin_class"));
    }

    /** Binds every column of {@link #COLUMNS} to {@code statement}. */
    <S extends SqlStatement<S>> S bind(S statement) {
        return statement.bind("code", code).bind("name", name).bind("description", description).bind("category", category)
                .bind("risk", riskLevel).bindByType("minCapital", minCapital, BigDecimal.class)
                .bindByType("expectedReturn", expectedReturn, BigDecimal.class).bindByType("maxDrawdown", maxDrawdown, BigDecimal.class)
                .bind("symbols", text(symbols)).bind("timeframe", timeframe).bind("parameters", text(parameters))
                .bind("builtin", builtIn).bind("plugin", pluginClass);
    }

    /**
     * True when {@code stored} holds what this row says: equal text, decimals equal in value
     * (the database pads their scale), JSON equal as documents (the database may reorder keys and
     * respace).
     */
    boolean matches(StrategyRow stored) {
        return code.equals(stored.code) && name.equals(stored.name) && Objects.equals(description, stored.description)
                && category.equals(stored.category) && riskLevel.equals(stored.riskLevel) && same(minCapital, stored.minCapital)
                && same(expectedReturn, stored.expectedReturn) && same(maxDrawdown, stored.maxDrawdown)
                && symbols.equals(stored.symbols) && Objects.equals(timeframe, stored.timeframe) && parameters.equals(stored.parameters)
                && builtIn == stored.builtIn && Objects.equals(pluginClass, stored.pluginClass);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json == null ? "null" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a strategies row holds JSON that cannot be read: " + json, e);
        }
    }

    private static String text(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + json + " as JSON", e);
        }
    }
}
