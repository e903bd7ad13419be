package io.tradebook.store;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The named parameters of one row, bound either on a JDBI statement (one row at a time) or on a
 * {@link JdbcBatch} (many rows in one round trip). The row classes bind their columns once,
 * against this, for both.
 */
interface SqlParams {
    /**
     * Binds {@code value} to {@code :name}; {@code sqlType} ({@link Types}: OTHER for a UUID) types
     * it, and a null as SQL NULL.
     */
    void set(String name, Object value, int sqlType);

    /**
     * The parameters of a JDBI statement, each bound by the Java type of its SQL type, so that a
     * JDBI batch sees one type per column whether a row's value is null or not.
     */
    static SqlParams of(SqlStatement<?> statement) {
        return (name, value, sqlType) -> statement.bindByType(name, value, javaType(sqlType));
    }

    private static Class<?> javaType(int sqlType) {
        return switch (sqlType) {
            case Types.OTHER -> UUID.class;
            case Types.NUMERIC -> BigDecimal.class;
            case Types.VARCHAR -> String.class;
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
            case Types.INTEGER -> Integer.class;
            case Types.BIGINT -> Long.class;
            case Types.SMALLINT -> Short.class;
            default -> throw new IllegalArgumentException("no Java type for SQL type " + sqlType);
        };
    }
}
