package io.tradebook.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code backtest_runs} rows: a backtest submitted through the API, its status, progress and,
 * once done, its result JSON, HTML report and summary. Status changes are guarded in SQL (a run
 * that is finished stays finished), so a cancel and a completion racing each other leave one
 * answer. Thread-safe.
 */
public final class BacktestRunRepository {
    /** The states of a run; DONE, FAILED and CANCELLED are final. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** A run without its (large) result and report. Immutable. */
    public record RunRow(UUID id, UUID userId, Status status, BigDecimal progress, String request, String summary, String error,
                         Instant createdAt, Instant startedAt, Instant finishedAt) {
        public RunRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
        }
    }

    private static final String COLUMNS = "id, user_id, status, progress, request, summary, error, created_at, started_at, finished_at";
    private final Jdbi jdbi;

    public BacktestRunRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Stores a QUEUED run of {@code userId} asking {@code request} (JSON); returns it. */
    public RunRow create(UUID userId, String request, Instant now) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO backtest_runs (id, user_id, status, progress, request, created_at, heartbeat_at) "
                        + "VALUES (:id, :user, 'QUEUED', 0, :request, :now, :now)")
                .bind("id", id).bind("user", userId).bind("request", request).bind("now", SqlTypes.utc(now)).execute());
        return find(id).orElseThrow();
    }

    public Optional<RunRow> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM backtest_runs WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne());
    }

    /** The user's runs, newest first, at most {@code limit}. */
    public List<RunRow> list(UUID userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM backtest_runs WHERE user_id = :user "
                        + "ORDER BY created_at DESC, id LIMIT :limit").bind("user", userId).bind("limit", limit)
                .map((rs, c) -> row(rs)).list());
    }

    /** How many of the user's runs are queued or running. */
    public int unfinished(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM backtest_runs WHERE user_id = :user "
                + "AND status IN ('QUEUED', 'RUNNING')").bind("user", userId).mapTo(Integer.class).one());
    }

    /** QUEUED → RUNNING; false when the run is no longer queued (cancelled meanwhile). */
    public boolean start(UUID id, Instant now) {
        return update("UPDATE backtest_runs SET status = 'RUNNING', started_at = :now WHERE id = :id AND status = 'QUEUED'", id, now);
    }

    /** Records progress (a fraction 0..1) of a running run. */
    public void progress(UUID id, double fraction) {
        BigDecimal value = BigDecimal.valueOf(Math.max(0, Math.min(1, fraction))).setScale(6, RoundingMode.DOWN);
        jdbi.useHandle(h -> h.createUpdate("UPDATE backtest_runs SET progress = :p WHERE id = :id AND status = 'RUNNING'")
                .bind("p", value).bind("id", id).execute());
    }

    /** RUNNING → DONE with its outputs; false when the run was cancelled meanwhile. */
    public boolean done(UUID id, String summary, String result, String report, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE backtest_runs SET status = 'DONE', progress = 1, summary = :summary, "
                        + "result = :result, report = :report, finished_at = :now WHERE id = :id AND status = 'RUNNING'")
                .bind("summary", summary).bind("result", result).bind("report", report).bind("now", SqlTypes.utc(now))
                .bind("id", id).execute()) == 1;
    }

    /** An unfinished run → FAILED with {@code error}; false when it was finished already. */
    public boolean failed(UUID id, String error, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE backtest_runs SET status = 'FAILED', error = :error, finished_at = :now "
                        + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING')").bind("error", error).bind("now", SqlTypes.utc(now))
                .bind("id", id).execute()) == 1;
    }

    /** An unfinished run → CANCELLED; false when it was finished already. */
    public boolean cancel(UUID id, Instant now) {
        return update("UPDATE backtest_runs SET status = 'CANCELLED', finished_at = :now WHERE id = :id "
                + "AND status IN ('QUEUED', 'RUNNING')", id, now);
    }

    /** Renews the heartbeat of the given unfinished runs (those this process is working on). */
    public void heartbeat(java.util.Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE backtest_runs SET heartbeat_at = :now WHERE id IN (<ids>) "
                + "AND status IN ('QUEUED', 'RUNNING')").bindList("ids", List.copyOf(ids)).bind("now", SqlTypes.utc(now)).execute());
    }

    /**
     * Marks FAILED, with {@code error}, every unfinished run whose heartbeat is older than
     * {@code cutoff}: no process is working on it any more. Returns how many.
     */
    public int failStale(Instant cutoff, String error, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE backtest_runs SET status = 'FAILED', error = :error, finished_at = :now "
                        + "WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < :cutoff").bind("error", error)
                .bind("now", SqlTypes.utc(now)).bind("cutoff", SqlTypes.utc(cutoff)).execute());
    }

    /** The result JSON of a DONE run. */
    public Optional<String> result(UUID id) {
        return text("result", id);
    }

    /** The HTML report of a DONE run. */
    public Optional<String> report(UUID id) {
        return text("report", id);
    }

    private Optional<String> text(String column, UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM backtest_runs WHERE id = :id AND status = 'DONE'")
                .bind("id", id).mapTo(String.class).findOne());
    }

    private boolean update(String sql, UUID id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(sql).bind("id", id).bind("now", SqlTypes.utc(now)).execute()) == 1;
    }

    private static RunRow row(ResultSet rs) throws SQLException {
        return new RunRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), Status.valueOf(rs.getString("status")),
                SqlTypes.plain(rs, "progress"), rs.getString("request"), rs.getString("summary"), rs.getString("error"),
                SqlTypes.instant(rs, "created_at"), SqlTypes.instant(rs, "started_at"), SqlTypes.instant(rs, "finished_at"));
    }
}
