package io.tradebook.store;

import io.tradebook.core.strategies.StrategyCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code strategies} table as the strategy catalog sees it. {@link #sync} registers every
 * strategy of a catalog (the built-ins and the loaded plugins) on start: a missing one is
 * inserted, one whose catalog-owned columns differ is updated, the others are left alone; so it
 * can run at every start and never duplicates a row. The columns it owns are those of
 * {@link StrategyRow} (from the code's metadata); is_active, performance, risk settings and the
 * owner are the database users' and are never written here. Rows the catalog does not have (the
 * built-in {@code manual} strategy, plugins no longer loaded) are kept as they are.
 *
 * <p>Refuses, with an {@link IllegalArgumentException} and changing nothing: a catalog strategy
 * coded {@code manual} (the row manual orders are booked to), a name that another code's row
 * already has (naming both codes), and what the schema refuses. Thread-safe.
 */
public final class StrategyCatalogRepository {
    /** The code of the built-in row manual orders and imported fills are attributed to (V2). */
    public static final String MANUAL = "manual";

    private final Jdbi jdbi;

    public StrategyCatalogRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a {@link #sync} did, by code: inserted, updated, already as the catalog says, and rows the catalog lacks (kept). */
    public record Registration(List<String> inserted, List<String> updated, List<String> unchanged, List<String> notInCatalog) {
        public Registration {
            inserted = List.copyOf(inserted);
            updated = List.copyOf(updated);
            unchanged = List.copyOf(unchanged);
            notInCatalog = List.copyOf(notInCatalog);
        }
    }

    /**
     * A row of the table as an activation needs it: its id and code, its minimum capital (null for
     * none), whether it is active and built in, and its plugin class. Immutable.
     */
    public record StoredStrategy(UUID id, String code, String name, BigDecimal minCapital, boolean active, boolean builtIn,
                                 String pluginClass) {
    }

    /** The id of the strategy with {@code code}, if the table has it. */
    public Optional<UUID> find(String code) {
        return stored(code).map(StoredStrategy::id);
    }

    /** The row of the strategy with {@code code}, if the table has it. */
    public Optional<StoredStrategy> stored(String code) {
        return jdbi.withHandle(h -> stored(h, code));
    }

    static Optional<StoredStrategy> stored(Handle h, String code) {
        return h.createQuery("SELECT id, code, name, min_capital, is_active, is_builtin, plugin_class FROM strategies WHERE code = :code")
                .bind("code", code)
                .map((rs, ctx) -> new StoredStrategy(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getBigDecimal("min_capital"), rs.getBoolean("is_active"), rs.getBoolean("is_builtin"),
                        rs.getString("plugin_class")))
                .findOne();
    }

    /**
     * The id of {@code entry}'s row, inserted from its metadata when the table does not have its
     * code yet; a row that exists is returned as it is (what {@code backtest --save} needs; a
     * start-up {@link #sync} brings rows up to date).
     */
    public UUID register(StrategyCatalog.Entry entry) {
        StrategyRow row = StrategyRow.of(entry);
        return RiskRuleRepository.refusedByChecks("strategy " + row.code(), () -> jdbi.inTransaction(h -> {
            Optional<UUID> existing = stored(h, row.code()).map(StoredStrategy::id);
            return existing.isPresent() ? existing.get() : insert(h, row);
        }));
    }

    /**
     * Brings the table in line with {@code catalog}, in one transaction: inserts the strategies it
     * lacks, updates those whose catalog-owned columns differ. Running it again changes nothing.
     */
    public Registration sync(StrategyCatalog catalog) {
        List<StrategyRow> rows = catalog.entries().stream().map(StrategyRow::of).toList();
        for (StrategyRow row : rows) {
            if (row.code().equals(MANUAL)) {
                throw new IllegalArgumentException("strategy code '" + MANUAL + "' is the database's manual-trades strategy; "
                        + "a catalog strategy cannot take it");
            }
        }
        return RiskRuleRepository.refusedByChecks("the strategy catalog", () -> jdbi.inTransaction(h -> {
            List<String> inserted = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (StrategyRow row : rows) {
                codes.add(row.code());
                refuseTakenName(h, row);
                Optional<StrategyRow> stored = h.createQuery("SELECT " + StrategyRow.COLUMNS + " FROM strategies WHERE code = :code")
                        .bind("code", row.code()).map((rs, ctx) -> StrategyRow.read(rs)).findOne();
                if (stored.isEmpty()) {
                    insert(h, row);
                    inserted.add(row.code());
                } else if (!row.matches(stored.get())) {
                    row.bind(h.createUpdate("UPDATE strategies SET " + StrategyRow.ASSIGNMENTS + ", updated_at = CURRENT_TIMESTAMP "
                            + "WHERE code = :code")).execute();
                    updated.add(row.code());
                } else {
                    unchanged.add(row.code());
                }
            }
            List<String> others = h.createQuery("SELECT code FROM strategies ORDER BY code").mapTo(String.class).list().stream()
                    .filter(c -> !codes.contains(c)).toList();
            return new Registration(inserted, updated, unchanged, others);
        }));
    }

    /** Refuses {@code row} when another code's row has its name (the unique name), naming both codes. */
    private static void refuseTakenName(Handle h, StrategyRow row) {
        h.createQuery("SELECT code FROM strategies WHERE name = :name AND code <> :code").bind("name", row.name())
                .bind("code", row.code()).mapTo(String.class).findOne().ifPresent(other -> {
                    throw new IllegalArgumentException("strategy " + row.code() + " is named '" + row.name()
                            + "', the name of strategy " + other + " in the database; strategy names are unique");
                });
    }

    private static UUID insert(Handle h, StrategyRow row) {
        UUID id = UUID.randomUUID();
        row.bind(h.createUpdate("INSERT INTO strategies (id, " + StrategyRow.COLUMNS + ", is_active) VALUES (:id, " + StrategyRow.VALUES
                + ", TRUE)")).bind("id", id).execute();
        return id;
    }
}
