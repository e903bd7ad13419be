package io.tradebook.store;

import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The retention job: applies each enabled policy of {@code retention_policies} with a period,
 * deleting what is past it ({@link RetentionTarget}) in batches of a bounded size, each batch its
 * own transaction, optionally archiving every deleted row first ({@link RetentionArchive}). Never
 * touches the books: the protected classes are skipped whatever the table says. Writes what it did
 * to the system log. Safe to run from several processes at once (a row is deleted once). Thread-safe.
 */
public final class Retention {
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public Retention(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one class's policy did. Immutable. */
    public record ClassResult(String dataClass, Integer retentionDays, Instant cutoff, Map<String, Integer> deleted, String note) {
        public int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What a run did. Immutable. */
    public record Report(Instant startedAt, Duration took, List<ClassResult> classes, Path archive) {
        public int total() {
            return classes.stream().mapToInt(ClassResult::total).sum();
        }
    }

    /**
     * Runs every policy once.
     *
     * @param batchSize  rows per delete statement
     * @param realtime   drops live messages older than a cutoff where they are held (this server's buffers); null
     *                   where there are none (the CLI)
     * @param archiveDir where deleted rows are archived as gzipped JSON lines, or null to only delete
     */
    public Report run(int batchSize, Function<Instant, Integer> realtime, Path archiveDir) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be positive: " + batchSize);
        }
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        List<ClassResult> results = new ArrayList<>();
        try (RetentionArchive archive = archiveDir == null ? null : RetentionArchive.open(archiveDir, started)) {
            for (RetentionPolicies.Policy p : new RetentionPolicies(jdbi).list()) {
                results.add(apply(p, started, batchSize, realtime, archive));
            }
            Report report = new Report(started, Duration.ofNanos(System.nanoTime() - t0), List.copyOf(results),
                    archive == null ? null : archive.file());
            log(report);
            return report;
        }
    }

    private ClassResult apply(RetentionPolicies.Policy p, Instant now, int batchSize, Function<Instant, Integer> realtime,
                              RetentionArchive archive) throws IOException {
        String c = p.dataClass();
        if (RetentionTarget.protectedClass(c)) {
            return new ClassResult(c, null, null, Map.of(), "kept forever: " + RetentionTarget.whyProtected(c));
        }
        if (!p.enabled() || p.retentionDays() == null) {
            return new ClassResult(c, p.retentionDays(), null, Map.of(), p.enabled() ? "kept forever (no period)" : "disabled");
        }
        Instant cutoff = now.minus(Duration.ofDays(p.retentionDays()));
        if (RetentionTarget.REALTIME.equals(c)) {
            if (realtime == null) {
                return new ClassResult(c, p.retentionDays(), cutoff, Map.of(), "live messages are held by running servers, not here");
            }
            return new ClassResult(c, p.retentionDays(), cutoff, Map.of("stream buffers", realtime.apply(cutoff)), "");
        }
        List<RetentionTarget> targets = RetentionTarget.BY_CLASS.get(c);
        if (targets == null) {
            return new ClassResult(c, p.retentionDays(), cutoff, Map.of(), "not known to this version: untouched");
        }
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (RetentionTarget t : targets) {
            deleted.merge(t.table(), deleteInBatches(t, cutoff, batchSize, archive), Integer::sum);
        }
        return new ClassResult(c, p.retentionDays(), cutoff, deleted, "");
    }

    private int deleteInBatches(RetentionTarget t, Instant cutoff, int batchSize, RetentionArchive archive) throws IOException {
        int total = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbi.withHandle(h -> batch(h, t, cutoff, batchSize, archive != null));
            if (rows.isEmpty()) {
                return total;
            }
            if (archive != null) {
                archive.write(t.table(), rows);
            }
            List<Object> keys = rows.stream().map(r -> r.get(t.key())).toList();
            total += jdbi.inTransaction(h -> h.createUpdate("DELETE FROM " + t.table() + " WHERE " + t.key() + " IN (<keys>)")
                    .bindList("keys", keys).execute());
            if (rows.size() < batchSize) {
                return total;
            }
        }
    }

    private static List<Map<String, Object>> batch(Handle h, RetentionTarget t, Instant cutoff, int batchSize, boolean wholeRows) {
        String columns = wholeRows ? "*" : t.key();
        return h.createQuery("SELECT " + columns + " FROM " + t.table() + " WHERE " + t.olderThan() + " ORDER BY " + t.key()
                        + " LIMIT :n")
                .bind("cutoff", SqlTypes.utc(cutoff)).bind("n", batchSize).mapToMap().list();
    }

    private void log(Report report) {
        Map<String, String> details = new LinkedHashMap<>();
        for (ClassResult r : report.classes()) {
            if (!r.deleted().isEmpty()) {
                details.put(r.dataClass(), r.deleted().toString());
            }
        }
        details.put("tookMs", Long.toString(report.took().toMillis()));
        if (report.archive() != null) {
            details.put("archive", report.archive().toString());
        }
        audit.record(LogLevel.INFO, "retention", "retention run deleted " + report.total() + " rows", null, details);
    }
}
