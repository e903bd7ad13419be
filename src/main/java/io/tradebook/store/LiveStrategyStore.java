package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What live strategies need from the database beyond {@link StrategyActivations}: an activation
 * with its strategy's code, custom parameters, symbols and timeframe (V15), the activations that
 * run (ACTIVE or PAUSED, of active accounts, not the manual strategy), the replays of stored
 * bars ({@code market_replays}, V15) with their progress, and the node that runs each activation
 * and replay (V18: several server processes never run one twice). Thread-safe.
 */
public final class LiveStrategyStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public LiveStrategyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * An activation as a live runner and the API see it. {@code symbols} empty and
     * {@code timeframe} null mean the strategy's own. Immutable.
     */
    public record LiveActivation(UUID id, UUID accountId, UUID userId, String name, String strategy, String status, BigDecimal allocation,
                                 BigDecimal cashBalance, BigDecimal totalPnl, Map<String, String> parameters, List<String> symbols,
                                 String timeframe, Instant activatedAt, Instant createdAt, Instant updatedAt) {
        public LiveActivation {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            symbols = List.copyOf(symbols);
        }

        public boolean manual() {
            return StrategyCatalogRepository.MANUAL.equals(strategy);
        }
    }

    private static final String SELECT = "SELECT s.id, s.account_id, a.user_id, s.name, c.code, s.status, s.allocation_amount, s.cash_balance, "
            + "s.total_pnl, s.custom_parameters, s.symbols, s.timeframe, s.activated_at, s.created_at, s.updated_at "
            + "FROM strategy_activations s JOIN accounts a ON a.id = s.account_id JOIN strategies c ON c.id = s.strategy_id ";

    /** The account's activations, by name. */
    public List<LiveActivation> list(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE s.account_id = :account ORDER BY s.name").bind("account", accountId)
                .map(LiveStrategyStore::activation).list());
    }

    /** The account's activation {@code id}; empty when the account has none of that id. */
    public Optional<LiveActivation> find(UUID accountId, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE s.account_id = :account AND s.id = :id").bind("account", accountId)
                .bind("id", id).map(LiveStrategyStore::activation).findOne());
    }

    /**
     * Every activation of a catalog strategy (not manual) that is ACTIVE or PAUSED on an active
     * account and that node {@code node} runs ({@code activation_runners}): what its live runners run.
     */
    public List<LiveActivation> running(String node) {
        return jdbi.withHandle(h -> h.createQuery(RUNNING + "ORDER BY s.created_at, s.id").bind("node", node)
                .bind("manual", StrategyCatalogRepository.MANUAL).map(LiveStrategyStore::activation).list());
    }

    /** Activation {@code id} if it is one of those {@link #running(String)} lists for {@code node}. */
    public Optional<LiveActivation> running(String node, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(RUNNING + "AND s.id = :id").bind("node", node).bind("id", id)
                .bind("manual", StrategyCatalogRepository.MANUAL).map(LiveStrategyStore::activation).findOne());
    }

    private static final String RUNNING = SELECT + "JOIN activation_runners r ON r.activation_id = s.id "
            + "WHERE r.node = :node AND s.status IN ('ACTIVE', 'PAUSED') AND a.is_active AND c.code <> :manual ";

    /** The node that runs activation {@code id}; empty when none does (made before nodes ran activations, or gone). */
    public Optional<String> runner(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT node FROM activation_runners WHERE activation_id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    /** Makes node {@code node} the one that runs activation {@code id} (whichever ran it before). */
    public void runBy(UUID id, String node) {
        jdbi.useTransaction(h -> {
            if (h.createUpdate("UPDATE activation_runners SET node = :node WHERE activation_id = :id").bind("node", node).bind("id", id)
                    .execute() == 0) {
                h.createUpdate("INSERT INTO activation_runners (activation_id, node) VALUES (:id, :node)").bind("id", id).bind("node", node)
                        .execute();
            }
        });
    }

    /**
     * Makes node {@code node} run the ACTIVE or PAUSED activations and the RUNNING replays that no
     * node runs (made before nodes ran them). Each goes to exactly one node, the first that starts:
     * a unique key (activations) or a conditional update (replays) settles a race.
     *
     * @return how many it adopted
     */
    public int adoptOrphans(String node) {
        for (int attempt = 1; ; attempt++) {
            try {
                return adopt(node);
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (attempt == 3) {
                    throw e;
                }
                // another node adopted some of them at the same moment (the key refused ours): the rest again
            }
        }
    }

    private int adopt(String node) {
        return jdbi.inTransaction(h -> {
            int activations = h.createUpdate("INSERT INTO activation_runners (activation_id, node) SELECT s.id, :node "
                    + "FROM strategy_activations s JOIN strategies c ON c.id = s.strategy_id WHERE s.status IN ('ACTIVE', 'PAUSED') "
                    + "AND c.code <> :manual AND NOT EXISTS (SELECT 1 FROM activation_runners r WHERE r.activation_id = s.id)")
                    .bind("node", node).bind("manual", StrategyCatalogRepository.MANUAL).execute();
            int replays = h.createUpdate("UPDATE market_replays SET run_by = :node WHERE run_by IS NULL AND status = 'RUNNING'")
                    .bind("node", node).execute();
            return activations + replays;
        });
    }

    /** Stores what activation {@code id} trades: its symbols (empty: the strategy's) and timeframe (null: the strategy's). */
    public void setMarket(UUID id, List<String> symbols, String timeframe) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE strategy_activations SET symbols = :symbols, timeframe = :timeframe, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("symbols", json(symbols)).bind("timeframe", timeframe).bind("id", id).execute());
    }

    /** Replaces activation {@code id}'s custom parameters (already checked and normalised). */
    public void setParameters(UUID id, Map<String, String> parameters) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE strategy_activations SET custom_parameters = :parameters, updated_at = CURRENT_TIMESTAMP "
                + "WHERE id = :id").bind("parameters", json(parameters)).bind("id", id).execute());
    }

    private static LiveActivation activation(ResultSet rs, StatementContext ctx) throws SQLException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String p = rs.getString("custom_parameters");
        if (p != null) {
            StrategyRow.tree(p).fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        }
        List<String> symbols = new ArrayList<>();
        String s = rs.getString("symbols");
        if (s != null) {
            StrategyRow.tree(s).forEach(n -> symbols.add(n.asText()));
        }
        return new LiveActivation(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("name"), rs.getString("code"), rs.getString("status"), SqlTypes.plain(rs, "allocation_amount"),
                SqlTypes.plain(rs, "cash_balance"), SqlTypes.plain(rs, "total_pnl"), parameters, symbols, rs.getString("timeframe"),
                SqlTypes.instant(rs, "activated_at"), SqlTypes.instant(rs, "created_at"), SqlTypes.instant(rs, "updated_at"));
    }

    // ---- replays ------------------------------------------------------------------------------

    /** A replay of one security's stored bars of one timeframe. {@code replayedUntil} null before its first bar. Immutable. */
    public record Replay(UUID id, String symbol, String timeframe, BigDecimal speed, Instant from, Instant to, Instant replayedUntil,
                         long barsReplayed, String status, Instant createdAt, String runBy) {
    }

    private static final String REPLAY_SELECT = "SELECT id, symbol, timeframe, speed, from_time, to_time, replayed_until, bars_replayed, "
            + "status, created_at, run_by FROM market_replays ";

    /** A RUNNING replay that node {@code node} runs. */
    public Replay createReplay(String symbol, String timeframe, BigDecimal speed, Instant from, Instant to, UUID createdBy, String node) {
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO market_replays (id, symbol, timeframe, speed, from_time, to_time, created_by, run_by) "
                            + "VALUES (:id, :symbol, :timeframe, :speed, :from, :to, :by, :node)")
                    .bind("id", id).bind("symbol", symbol).bind("timeframe", timeframe).bind("speed", speed).bind("node", node)
                    .bindByType("from", from == null ? null : SqlTypes.utc(from), java.time.OffsetDateTime.class)
                    .bindByType("to", to == null ? null : SqlTypes.utc(to), java.time.OffsetDateTime.class)
                    .bindByType("by", createdBy, UUID.class).execute();
            return findReplay(h, id).orElseThrow();
        });
    }

    public Optional<Replay> findReplay(UUID id) {
        return jdbi.withHandle(h -> findReplay(h, id));
    }

    /** Every replay, newest first. */
    public List<Replay> replays() {
        return jdbi.withHandle(h -> h.createQuery(REPLAY_SELECT + "ORDER BY created_at DESC, id").map(LiveStrategyStore::replay).list());
    }

    /** The replays still RUNNING that node {@code node} runs, oldest first: those it resumes when it starts. */
    public List<Replay> runningReplays(String node) {
        return jdbi.withHandle(h -> h.createQuery(REPLAY_SELECT + "WHERE status = 'RUNNING' AND run_by = :node ORDER BY created_at, id")
                .bind("node", node).map(LiveStrategyStore::replay).list());
    }

    /** Records that replay {@code id} has pushed its bars up to the one at {@code until}, {@code count} in all. */
    public void progress(UUID id, Instant until, long count) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE market_replays SET replayed_until = :until, bars_replayed = :count, "
                + "updated_at = CURRENT_TIMESTAMP WHERE id = :id").bind("until", SqlTypes.utc(until)).bind("count", count).bind("id", id)
                .execute());
    }

    /** Ends a RUNNING replay with {@code status} (DONE or CANCELLED); false when it was not running. */
    public boolean finishReplay(UUID id, String status) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE market_replays SET status = :status, updated_at = CURRENT_TIMESTAMP "
                + "WHERE id = :id AND status = 'RUNNING'").bind("status", status).bind("id", id).execute() == 1);
    }

    private static Optional<Replay> findReplay(Handle h, UUID id) {
        return h.createQuery(REPLAY_SELECT + "WHERE id = :id").bind("id", id).map(LiveStrategyStore::replay).findOne();
    }

    private static Replay replay(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Replay(rs.getObject("id", UUID.class), rs.getString("symbol"), rs.getString("timeframe"), SqlTypes.plain(rs, "speed"),
                SqlTypes.instant(rs, "from_time"), SqlTypes.instant(rs, "to_time"), SqlTypes.instant(rs, "replayed_until"),
                rs.getLong("bars_replayed"), rs.getString("status"), SqlTypes.instant(rs, "created_at"), rs.getString("run_by"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
