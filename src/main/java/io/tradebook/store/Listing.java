package io.tradebook.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL of one newest-first listing with optional filters, built condition by condition: a
 * filter that is null adds nothing, so the statement binds exactly the parameters it names. Not
 * thread-safe (one per query).
 */
final class Listing {
    private final StringBuilder sql;
    private final Map<String, Object> binds = new LinkedHashMap<>();

    /** A listing of {@code select}, which ends with a WHERE clause (at least {@code WHERE 1 = 1}). */
    Listing(String select) {
        this.sql = new StringBuilder(select);
    }

    /** {@code AND column = :name}, when {@code value} is not null. */
    Listing equal(String column, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(name);
            binds.put(name, value);
        }
        return this;
    }

    /** {@code column} within {@code from} (inclusive) and {@code to} (exclusive), each bound only when given. */
    Listing between(String column, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= :from");
            binds.put("from", SqlTypes.utc(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < :to");
            binds.put("to", SqlTypes.utc(to));
        }
        return this;
    }

    /** Rows strictly before {@code (time, key)} in the order {@code timeColumn DESC, keyColumn DESC}, when {@code after} is given. */
    Listing before(String timeColumn, String keyColumn, PageCursor after, Object key) {
        if (after != null) {
            sql.append(" AND (").append(timeColumn).append(" < :afterTime OR (").append(timeColumn).append(" = :afterTime AND ")
                    .append(keyColumn).append(" < :afterKey))");
            binds.put("afterTime", SqlTypes.utc(after.requireTime()));
            binds.put("afterKey", key);
        }
        return this;
    }

    /** Rows with {@code keyColumn} below the cursor's number, for listings ordered by that key alone. */
    Listing below(String keyColumn, PageCursor after) {
        if (after != null) {
            sql.append(" AND ").append(keyColumn).append(" < :afterKey");
            binds.put("afterKey", after.numberKey());
        }
        return this;
    }

    /** Any other condition, with no parameters of its own (or list parameters bound by the caller). */
    Listing and(String condition) {
        sql.append(" AND ").append(condition);
        return this;
    }

    /** The statement, ordered by {@code orderBy}, reading one row more than {@code limit} (see {@link Page#of}). */
    String sql(String orderBy, int limit) {
        OrderHistory.requireLimit(limit);
        binds.put("limit", limit + 1);
        return sql + " ORDER BY " + orderBy + " LIMIT :limit";
    }

    Map<String, Object> binds() {
        return binds;
    }
}
