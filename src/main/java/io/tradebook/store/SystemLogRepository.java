package io.tradebook.store;

import io.tradebook.core.events.LogLevel;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the system log and audit trail ({@code system_logs}) for administrators: newest first,
 * filtered by least severity, component and time. Only reads; {@link JdbiEventSink} and
 * {@link JdbiAuditTrail} write. Thread-safe.
 */
public final class SystemLogRepository {
    private final Jdbi jdbi;

    public SystemLogRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One entry: when, how severe, which component, what, about which user (or null), and its details. Immutable. */
    public record Entry(long id, Instant time, LogLevel level, String component, String message, UUID userId, Map<String, String> details) {
    }

    /**
     * Which entries to list: at least {@code level} (WARNING lists WARNING, ERROR and CRITICAL),
     * one component, a time range ({@code from} inclusive, {@code to} exclusive); null means any. Immutable.
     */
    public record Filter(LogLevel level, String component, Instant from, Instant to) {
        public static final Filter ANY = new Filter(null, null, null, null);
    }

    /** The entries {@code filter} selects, newest first, at most {@code limit}, after {@code after} (null for the first page). */
    public Page<Entry> list(Filter filter, PageCursor after, int limit) {
        OrderHistory.requireLimit(limit);
        StringBuilder sql = new StringBuilder("SELECT id, logged_at, level, component, message, user_id, details FROM system_logs WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (filter.level() != null) {
            sql.append(" AND level IN (<levels>)");
        }
        if (filter.component() != null) {
            sql.append(" AND component = :component");
            binds.put("component", filter.component());
        }
        if (filter.from() != null) {
            sql.append(" AND logged_at >= :from");
            binds.put("from", SqlTypes.utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND logged_at < :to");
            binds.put("to", SqlTypes.utc(filter.to()));
        }
        if (after != null) {
            sql.append(" AND (logged_at < :afterTime OR (logged_at = :afterTime AND id < :afterId))");
            binds.put("afterTime", SqlTypes.utc(after.requireTime()));
            binds.put("afterId", after.numberKey());
        }
        sql.append(" ORDER BY logged_at DESC, id DESC LIMIT :limit");
        binds.put("limit", limit + 1);
        List<Entry> rows = jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bindMap(binds);
            if (filter.level() != null) {
                query.bindList("levels", Arrays.stream(LogLevel.values()).filter(l -> l.compareTo(filter.level()) >= 0).map(Enum::name)
                        .toList());
            }
            return query.map((rs, ctx) -> new Entry(rs.getLong("id"), SqlTypes.instant(rs, "logged_at"), LogLevel.valueOf(rs.getString("level")),
                    rs.getString("component"), rs.getString("message"), rs.getObject("user_id", UUID.class),
                    JdbiEventSink.map(rs, "details"))).list();
        });
        return Page.of(rows, limit, e -> new PageCursor(e.time(), Long.toString(e.id())));
    }
}
