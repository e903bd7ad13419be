package io.tradebook.store;

import io.tradebook.core.execution.ConcurrentChangeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a group commit writes its rows on PostgreSQL: the row statements of every table it touches,
 * in their array form ({@link ArrayStatement}), joined into one multi-statement that the driver
 * sends in one round trip and the server prepares once per connection. The order is the one
 * {@link RowBatch} writes in: the accounts' rows first (locked, versions checked), then parents
 * before children, holdings closed before new ones open.
 * A table without rows in a batch gets empty arrays and writes nothing.
 *
 * <p>Immutable once made; made once per store from its first connection.
 */
final class PostgresBatchPlan {
    static final int ACCOUNT_UPDATE = 0;
    static final int ORDER_INSERT = 1;
    static final int ORDER_UPDATE = 2;
    static final int EVENT_INSERT = 3;
    static final int FILL_INSERT = 4;
    static final int ENTRY_INSERT = 5;
    static final int POSTING_INSERT = 6;
    static final int HOLDING_UPDATE = 7;
    static final int HOLDING_INSERT = 8;
    static final int ROUND_TRIP_INSERT = 9;
    static final int ACTIVATION_UPDATE = 10;

    /** The accounts come first: their rows are locked and their versions checked before anything else is written. */
    private static final String[] ROW_STATEMENTS = {
        RowBatch.ACCOUNT_UPDATE, OrderRows.INSERT, OrderRows.UPDATE, OrderRows.EVENT_INSERT, RowBatch.FILL_INSERT_WITH_ID,
        RowBatch.ENTRY_INSERT_WITH_ID, JournalRows.POSTING_INSERT, HoldingRows.UPDATE, HoldingRows.INSERT,
        JdbiBookKeeper.ROUND_TRIP_INSERT, RowBatch.ACTIVATION_UPDATE,
    };

    private final List<ArrayStatement> statements;
    private final String sql;

    /**
     * Statements first in every batch: the rows come from {@code unnest} of arrays, whose length
     * the planner does not know (it guesses 100), and a table it has no fresh statistics of may
     * look tiny, so it would join by reading whole tables (hash joins over sequential scans of
     * {@code holdings} and {@code orders}, and of the many dead versions of the hot account rows),
     * at a cost that grows with the tables. Every row a batch writes or checks is found by its key:
     * with these, each is looked up in an index, so a batch costs what its rows cost. They hold for
     * this transaction only, and plans made in it (the batch's, the foreign-key checks') keep them.
     * The last makes the server keep one plan per statement instead of planning each batch afresh
     * (with an index found by key, the arrays' contents do not change the best plan): with small
     * batches, as a server under a few dozen clients sends, planning was a fifth of PostgreSQL's
     * time per order.
     */
    private static final String[] PLANNER_SETTINGS = {
        "SET LOCAL enable_seqscan = off", "SET LOCAL enable_hashjoin = off", "SET LOCAL enable_mergejoin = off",
        "SET LOCAL plan_cache_mode = force_generic_plan",
    };

    /** Raised by the server when an account's row is not at the version a change expected; see {@link #checkedAccounts}. */
    private static final String CONFLICT = "tradebook: another writer changed an account";

    private PostgresBatchPlan(List<ArrayStatement> statements) {
        this.statements = List.copyOf(statements);
        StringBuilder all = new StringBuilder(String.join(";\n", PLANNER_SETTINGS)).append(";\n")
                .append(checkedAccounts(statements.get(ACCOUNT_UPDATE).sql()));
        for (ArrayStatement s : statements.subList(ACCOUNT_UPDATE + 1, statements.size())) {
            all.append(";\n").append(s.sql());
        }
        this.sql = all.toString();
    }

    /**
     * The accounts' update as a statement that fails, with {@link #CONFLICT} in its message, when
     * fewer rows changed than the last parameter says: all statements go in one round trip, so a
     * conflict must stop the server before the later ones run (their unique keys would otherwise
     * report it as something else). The failing branch depends on the count, so the planner cannot
     * evaluate it early.
     */
    private static String checkedAccounts(String arrayUpdate) {
        return "WITH changed AS (" + arrayUpdate + " RETURNING 1) SELECT CASE WHEN COUNT(*) = ? THEN COUNT(*) "
                + "ELSE CAST('" + CONFLICT + " (' || COUNT(*) || ' of the expected rows changed)' AS BIGINT) END FROM changed";
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
            int at = rows.get(ACCOUNT_UPDATE).bind(ps, 1);
            ps.setLong(at++, rows.get(ACCOUNT_UPDATE).rows());
            for (ColumnArrays r : rows.subList(ACCOUNT_UPDATE + 1, rows.size())) {
                at = r.bind(ps, at);
            }
            try {
                ps.execute();
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains(CONFLICT)) {
                    throw new ConcurrentChangeException("another writer changed one of the batch's accounts since this process read it");
                }
                throw e;
            }
            for (int i = 0; i < PLANNER_SETTINGS.length; i++) {
                ps.getMoreResults(); // past the settings, to the accounts' check
            }
            boolean resultSet = ps.getMoreResults(); // past the accounts' check, which succeeded
            for (int i = ACCOUNT_UPDATE + 1; i < statements.size(); i++) {
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
