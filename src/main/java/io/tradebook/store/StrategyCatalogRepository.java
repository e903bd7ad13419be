package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code strategies} table as the strategy catalog sees it: a catalog entry's row, found by
 * its code or created from its metadata (code, name, description, category, risk level, minimum
 * capital, timeframe, symbols, parameter defaults as a JSON object of strings, built-in or the
 * plugin class). A row that exists is returned as it is: the database's own edits win.
 * Refuses, with {@link IllegalArgumentException}, what the schema refuses (a name another
 * strategy has, naming the constraint). Thread-safe.
 */
public final class StrategyCatalogRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public StrategyCatalogRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The id of the strategy with {@code code}, if the table has it. */
    public Optional<UUID> find(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM strategies WHERE code = :code").bind("code", code)
                .mapTo(UUID.class).findOne());
    }

    /** The id of {@code entry}'s row, created from its metadata when the table does not have its code yet. */
    public UUID register(StrategyCatalog.Entry entry) {
        StrategyMetadata m = entry.metadata();
        return RiskRuleRepository.refusedByChecks("strategy " + m.code(), () -> jdbi.inTransaction(h -> {
            Optional<UUID> existing = h.createQuery("SELECT id FROM strategies WHERE code = :code").bind("code", m.code())
                    .mapTo(UUID.class).findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            h.createUpdate("INSERT INTO strategies (id, code, name, description, category, risk_level, min_capital, symbols, timeframe, "
                            + "parameters, is_active, is_builtin, plugin_class) VALUES (:id, :code, :name, :description, :category, :risk, "
                            + ":minCapital, :symbols, :timeframe, :parameters, TRUE, :builtin, :plugin)")
                    .bind("id", id).bind("code", m.code()).bind("name", m.name()).bind("description", m.description())
                    .bind("category", m.category().code()).bind("risk", m.riskLevel().name())
                    .bindByType("minCapital", m.minCapital(), java.math.BigDecimal.class)
                    .bind("symbols", json(m.symbols())).bind("timeframe", m.timeframe() == null ? null : m.timeframe().code())
                    .bind("parameters", json(defaults(m))).bind("builtin", entry.builtIn())
                    .bind("plugin", entry.builtIn() ? null : entry.definition().getClass().getName())
                    .execute();
            return id;
        }));
    }

    private static Map<String, String> defaults(StrategyMetadata m) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec p : m.parameters()) {
            values.put(p.name(), p.format(p.defaultValue()));
        }
        return values;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
