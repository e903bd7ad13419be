package io.tradebook.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a group commit writes its rows on PostgreSQL: the row statements of every table it touches,
 * in their array form ({@link ArrayStatement}), joined into one multi-statement that the driver
 * sends in one round trip and the server prepares once per connection. The order is the one
 * {@link RowBatch} writes in: parents before children, holdings closed before new ones open.
 * A table without rows in a batch gets empty arrays and writes nothing.
 *
 * <p>Immutable once made; made once per store from its first connection.
 */
final class PostgresBatchPlan {
    static final int ORDER_INSERT = 0;
    static final int ORDER_UPDATE = 1;
    static final int EVENT_INSERT = 2;
    static final int FILL_INSERT = 3;
    static final int ENTRY_INSERT = 4;
    static final int POSTING_INSERT = 5;
    static final int HOLDING_UPDATE = 6;
    static final int HOLDING_INSERT = 7;
    static final int ROUND_TRIP_INSERT = 8;
    static final int ACCOUNT_UPDATE = 9;
    static final int ACTIVATION_UPDATE = 10;

    private static final String[] ROW_STATEMENTS = {
        OrderRows.INSERT, OrderRows.UPDATE, OrderRows.EVENT_INSERT, RowBatch.FILL_INSERT_WITH_ID, RowBatch.ENTRY_INSERT_WITH_ID,
        JournalRows.POSTING_INSERT, HoldingRows.UPDATE, HoldingRows.INSERT, JdbiBookKeeper.ROUND_TRIP_INSERT,
        RowBatch.ACCOUNT_UPDATE, RowBatch.ACTIVATION_UPDATE,
    };

    private final List<ArrayStatement> statements;
    private final String sql;

    private PostgresBatchPlan(List<ArrayStatement> statements) {
        this.statements = List.copyOf(statements);
        StringBuilder all = new StringBuilder();
        for (ArrayStatement s : statements) {
            all.append(all.length() == 0 ? "" : ";\n").append(s.sql());
        }
        this.sql = all.toString();
    }

    /** The plan, with parameter types from the server on {@code c}. */
    static PostgresBatchPlan of(Connection c) throws SQLException {
        List<ArrayStatement> statements = new ArrayList<>();
        for (String rowSql : ROW_STATEMENTS) {
            statements.add(ArrayStatement.of(c, rowSql));
        }
        return new PostgresBatchPlan(statements);
    }

    /** Empty columns for the rows of statement {@code which}. */
    ColumnArrays arrays(int which) {
        return new ColumnArrays(statements.get(which));
    }

    /** Runs every statement with {@code rows} (one {@link ColumnArrays} per statement, in order) in one round trip. */
    void execute(Connection c, List<ColumnArrays> rows) throws SQLException {
        if (rows.size() != statements.size()) {
            throw new IllegalArgumentException("rows for " + rows.size() + " statements, the plan has " + statements.size());
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int at = 1;
            for (ColumnArrays r : rows) {
                at = r.bind(c, ps, at);
            }
            boolean resultSet = ps.execute();
            for (int i = 0; i < statements.size(); i++) {
                if (resultSet) {
                    throw new IllegalStateException("statement " + i + " of the group commit returned rows");
                }
                int count = ps.getUpdateCount();
                if (count != rows.get(i).rows()) {
                    throw new IllegalStateException("the group commit's " + statements.get(i).rowSql().split(" ", 4)[2] + " statement wrote "
                            + count + " rows of " + rows.get(i).rows() + ": a row the store holds in memory is not in the database");
                }
                resultSet = ps.getMoreResults();
            }
        }
    }
}
