package io.tradebook.store;

import io.tradebook.core.events.LogLevel;
import java.time.Instant;
import java.util.Arrays;
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
        Listing listing = new Listing("SELECT id, logged_at, level, component, message, user_id, details FROM system_logs WHERE 1 = 1")
                .equal("component", "component", filter.component()).between("logged_at", filter.from(), filter.to())
                .before("logged_at", "id", after, after == null ? null : after.numberKey());
        if (filter.level() != null) {
            listing.and("level IN (<levels>)");
        }
        String sql = listing.sql("logged_at DESC, id DESC", limit);
        List<Entry> rows = jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bindMap(listing.binds());
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
