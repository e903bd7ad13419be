package io.tradebook.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one {@link ArrayStatement}, gathered column by column: each row is bound through
 * {@link SqlParams} by the same code that binds a single row, and each column becomes one array
 * parameter. Values travel as text, which the statement casts to the column's type: decimals as
 * plain strings (exact), times in UTC rounded to the microsecond as the driver rounds them. Each
 * array is sent as one array literal of quoted elements (the server parses it into the array type
 * the statement names), written here rather than by the driver's {@code createArrayOf}, which
 * costs more than the rows' own text on a batch of many small rows.
 * Not thread-safe. Refuses a row that leaves a parameter unbound or binds one twice.
 */
final class ColumnArrays implements SqlParams {
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
    int bind(PreparedStatement ps, int first) throws SQLException {
        int at = first;
        for (String name : statement.names()) {
            ps.setObject(at++, literal(columns.get(name)), Types.OTHER);
        }
        return at;
    }

    /** {@code values} as a PostgreSQL array literal: each element double-quoted with {@code \} and {@code "} escaped, null as NULL. */
    static String literal(List<String> values) {
        int size = 2;
        for (String v : values) {
            size += v == null ? 5 : v.length() + 3;
        }
        StringBuilder out = new StringBuilder(size).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                out.append("NULL");
                continue;
            }
            out.append('"');
            if (v.indexOf('"') < 0 && v.indexOf('\\') < 0) {
                out.append(v); // decimals, ids, times, codes: nothing to escape
            } else {
                for (int k = 0; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (ch == '"' || ch == '\\') {
                        out.append('\\');
                    }
                    out.append(ch);
                }
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return utcMicros(t.toInstant());
        }
        return value.toString();
    }

    /** {@code i} as {@code uuuu-MM-ddTHH:mm:ss.SSSSSSZ}, half up to the microsecond, as the driver writes a bound OffsetDateTime. */
    static String utcMicros(Instant i) {
        long micros = Math.floorDiv(i.getNano() + 500, 1000);
        long seconds = i.getEpochSecond();
        if (micros == 1_000_000) {
            seconds++;
            micros = 0;
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(t) + "." + pad(micros, 6) + "Z";
        }
        StringBuilder out = new StringBuilder(27).append(t.getYear()).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append('T');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond()).append('.');
        return out.append(pad(micros, 6)).append('Z').toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String pad(long value, int digits) {
        String s = Long.toString(value);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }
}
