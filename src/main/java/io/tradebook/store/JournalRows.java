package io.tradebook.store;

import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.Posting;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import java.sql.Types;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/** Writes journal entries and their postings; strategies are mapped to their activation ids. */
final class JournalRows {
    private JournalRows() {
    }

    static final String ENTRY_INSERT = "INSERT INTO journal_entries (account_id, entry_type, occurred_at, fill_id, description) "
            + "VALUES (:account, :type, :time, :fill, :description)";

    static final String POSTING_INSERT = "INSERT INTO journal_postings (entry_id, account_id, ledger_account, "
            + "strategy_activation_id, symbol, amount, currency) VALUES (:entry, :account, :ledger, :activation, :symbol, :amount, :currency)";

    static long insert(Handle h, UUID accountId, JournalEntry entry, Long fillId, Map<String, UUID> activations) {
        Update insert = h.createUpdate(ENTRY_INSERT);
        bindEntry(SqlParams.of(insert), accountId, entry, fillId);
        long entryId = insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        PreparedBatch batch = h.prepareBatch(POSTING_INSERT);
        SqlParams params = SqlParams.of(batch);
        forEachPosting(entry, activations::get, (posting, activation) -> {
            bindPosting(params, entryId, accountId, posting, activation);
            batch.add();
        });
        batch.execute();
        return entryId;
    }

    /** Binds every column of {@link #ENTRY_INSERT}; {@code fillId} is null for a cash movement. */
    static void bindEntry(SqlParams p, UUID accountId, JournalEntry entry, Long fillId) {
        p.set("account", accountId, Types.OTHER);
        p.set("type", entry.type().name(), Types.VARCHAR);
        p.set("time", SqlTypes.utc(entry.time()), Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("fill", fillId, Types.BIGINT);
        p.set("description", entry.reference(), Types.VARCHAR);
    }

    /** Binds every column of {@link #POSTING_INSERT}; {@code activation} is null for a posting of no strategy. */
    static void bindPosting(SqlParams p, long entryId, UUID accountId, Posting posting, UUID activation) {
        p.set("entry", entryId, Types.BIGINT);
        p.set("account", accountId, Types.OTHER);
        p.set("ledger", posting.account().kind().name(), Types.VARCHAR);
        p.set("activation", activation, Types.OTHER);
        p.set("symbol", posting.account().symbol(), Types.VARCHAR);
        p.set("amount", posting.amount().amount(), Types.NUMERIC);
        p.set("currency", posting.amount().currency().code(), Types.VARCHAR);
    }

    /** Calls {@code each} with every posting of the entry and its strategy's activation id (null for none). */
    static void forEachPosting(JournalEntry entry, Function<String, UUID> activations, BiConsumer<Posting, UUID> each) {
        for (Posting p : entry.postings()) {
            UUID activation = null;
            if (p.account().strategy() != null) {
                activation = activations.apply(p.account().strategy());
                if (activation == null) {
                    throw new IllegalStateException("no activation id for strategy " + p.account().strategy());
                }
            }
            each.accept(p, activation);
        }
    }
}
