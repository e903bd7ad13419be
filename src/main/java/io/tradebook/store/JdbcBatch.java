package io.tradebook.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch of rows for one statement written with named parameters ({@code :name}), on plain
 * JDBC: the names are resolved to positions once, and each row is bound with positional setters,
 * without the per-argument work a JDBI statement does. For the group commit's hot path.
 */
final class JdbcBatch implements SqlParams, AutoCloseable {
    private static final Pattern NAME = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    private final PreparedStatement statement;
    private final Map<String, int[]> positions = new HashMap<>();
    private int rows;

    /** Prepares {@code namedSql}; with {@code returningId}, the batch gives back the generated {@code id} of each row. */
    JdbcBatch(Connection connection, String namedSql, boolean returningId) throws SQLException {
        Matcher m = NAME.matcher(namedSql);
        StringBuilder sql = new StringBuilder();
        Map<String, List<Integer>> found = new HashMap<>();
        int index = 0;
        while (m.find()) {
            found.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(++index);
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        found.forEach((name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
        statement = returningId ? connection.prepareStatement(sql.toString(), new String[] {"id"})
                : connection.prepareStatement(sql.toString());
    }

    @Override
    public void set(String name, Object value, int sqlType) {
        int[] at = positions.get(name);
        if (at == null) {
            throw new IllegalArgumentException("the statement has no parameter :" + name);
        }
        try {
            for (int i : at) {
                if (value == null) {
                    statement.setNull(i, sqlType);
                } else {
                    statement.setObject(i, value);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind :" + name, e);
        }
    }

    /** Ends the current row. */
    void add() {
        try {
            statement.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add a row to the batch", e);
        }
        rows++;
    }

    int size() {
        return rows;
    }

    /** Runs the batch; the number of rows each row's statement changed. */
    int[] execute() throws SQLException {
        return statement.executeBatch();
    }

    /** Runs the batch and returns the generated ids, in the order the rows were added. */
    List<Long> executeReturningIds() throws SQLException {
        statement.executeBatch();
        List<Long> ids = new ArrayList<>(rows);
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getLong(1));
            }
        }
        if (ids.size() != rows) {
            throw new IllegalStateException("the database returned " + ids.size() + " ids for " + rows + " rows");
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
