package io.tradebook.store;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one {@link ArrayStatement}, gathered column by column: each row is bound through
 * {@link SqlParams} by the same code that binds a single row, and each column becomes one array
 * parameter. Values travel as text, which the statement casts to the column's type: decimals as
 * plain strings (exact), times in UTC rounded to the microsecond as the driver rounds them.
 * Not thread-safe. Refuses a row that leaves a parameter unbound or binds one twice.
 */
final class ColumnArrays implements SqlParams {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ArrayStatement statement;
    private final Map<String, List<String>> columns = new HashMap<>();
    private int rows;

    ColumnArrays(ArrayStatement statement) {
        this.statement = statement;
        for (String name : statement.names()) {
            columns.put(name, new ArrayList<>());
        }
    }

    @Override
    public void set(String name, Object value, int sqlType) {
        List<String> column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("the statement has no parameter :" + name + ": " + statement.rowSql());
        }
        if (column.size() != rows) {
            throw new IllegalStateException(":" + name + " bound twice in one row of " + statement.rowSql());
        }
        column.add(text(value));
    }

    /** Ends the current row; refuses one that left a parameter unbound. */
    void add() {
        rows++;
        for (Map.Entry<String, List<String>> c : columns.entrySet()) {
            if (c.getValue().size() != rows) {
                throw new IllegalStateException(":" + c.getKey() + " not bound in a row of " + statement.rowSql());
            }
        }
    }

    int rows() {
        return rows;
    }

    /** Binds the arrays at {@code first}, {@code first + 1}, …; returns the next free position. */
    int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        int at = first;
        for (String name : statement.names()) {
            Array array = c.createArrayOf("text", columns.get(name).toArray(new String[0]));
            ps.setArray(at++, array);
        }
        return at;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            Instant i = t.toInstant();
            // half up to the microsecond, as the driver writes a bound OffsetDateTime
            return MICROS.format(i.getNano() % 1000 >= 500 ? i.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS)
                    : i.truncatedTo(ChronoUnit.MICROS));
        }
        return value.toString();
    }
}
