package io.tradebook.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between Java time and SQL that behave the same on H2 and PostgreSQL: instants go in
 * and come out as UTC {@code OffsetDateTime}, never through the JVM's default time zone.
 */
final class SqlTypes {
    private SqlTypes() {
    }

    /** {@code instant} in UTC; without {@link Instant#atOffset}, which builds the offset's rules anew on every call. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
                ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * A column's decimal without the padding of its declared scale ({@code 0.8500} from a
     * {@code NUMERIC(5,4)} comes back as {@code 0.85}, {@code 100.0000} as {@code 100}), so a
     * value read back equals the plain value written. Plain {@code BigDecimal}s compare their
     * scale in {@code equals}; the money types do not need this.
     */
    static BigDecimal plain(ResultSet rs, String column) throws SQLException {
        return plain(rs.getBigDecimal(column));
    }

    /** {@code value} without trailing zeros and never in exponent form ({@code 100}, not {@code 1E+2}); null stays null. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
