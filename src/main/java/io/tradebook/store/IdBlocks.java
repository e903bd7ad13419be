package io.tradebook.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Ids for new fills and journal entries, taken from their sequences a block at a time, for the
 * group-commit writers on PostgreSQL: the rows can then be written with their ids, in one
 * statement, and a journal entry's postings can name it. One is shared by all writers of a log,
 * and ids come out ascending: an account's later writes are taken (by whichever writer) only
 * after its earlier ones were written, so its entries keep the order they happened in, which is
 * the order the books are loaded in. Unused ids are skipped, as a sequence does anyway.
 * Thread-safe.
 */
final class IdBlocks {
    private static final int BLOCK = 1024;

    private final Block fills = new Block("fills");
    private final Block entries = new Block("journal_entries");

    synchronized long nextFill(Connection c) throws SQLException {
        return fills.next(c);
    }

    synchronized long nextEntry(Connection c) throws SQLException {
        return entries.next(c);
    }

    private static final class Block {
        private final String table;
        private long[] ids = new long[0];
        private int used;

        Block(String table) {
            this.table = table;
        }

        long next(Connection c) throws SQLException {
            if (used == ids.length) {
                ids = take(c);
                used = 0;
            }
            return ids[used++];
        }

        private long[] take(Connection c) throws SQLException {
            long[] taken = new long[BLOCK];
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) FROM generate_series(1, " + BLOCK + ")");
                 ResultSet rs = q.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    taken[n++] = rs.getLong(1);
                }
                if (n != BLOCK) {
                    throw new IllegalStateException("the sequence of " + table + " gave " + n + " ids for " + BLOCK);
                }
            }
            Arrays.sort(taken);
            return taken;
        }
    }
}
