package io.tradebook.store;

import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.Posting;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import java.util.function.Function;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Writes journal entries and their postings; strategies are mapped to their activation ids. */
final class JournalRows {
    private JournalRows() {
    }

    static final String ENTRY_INSERT = "INSERT INTO journal_entries (account_id, entry_type, occurred_at, fill_id, description) "
            + "VALUES (:account, :type, :time, :fill, :description)";

    static final String POSTING_INSERT = "INSERT INTO journal_postings (entry_id, account_id, ledger_account, "
            + "strategy_activation_id, symbol, amount, currency) VALUES (:entry, :account, :ledger, :activation, :symbol, :amount, :currency)";

    static long insert(Handle h, UUID accountId, JournalEntry entry, Long fillId, Map<String, UUID> activations) {
        long entryId = bindEntry(h.createUpdate(ENTRY_INSERT), accountId, entry, fillId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        PreparedBatch batch = h.prepareBatch(POSTING_INSERT);
        addPostings(batch, entryId, accountId, entry, activations::get);
        batch.execute();
        return entryId;
    }

    /** Binds every column of {@link #ENTRY_INSERT}; {@code fillId} is null for a cash movement. */
    static <T extends SqlStatement<T>> T bindEntry(T insert, UUID accountId, JournalEntry entry, Long fillId) {
        return insert.bind("account", accountId).bind("type", entry.type().name()).bind("time", SqlTypes.utc(entry.time()))
                .bindByType("fill", fillId, Long.class).bind("description", entry.reference());
    }

    /** Adds the entry's postings to a batch of {@link #POSTING_INSERT}, naming strategies by their activation ids. */
    static void addPostings(PreparedBatch batch, long entryId, UUID accountId, JournalEntry entry, Function<String, UUID> activations) {
        for (Posting p : entry.postings()) {
            UUID activation = null;
            if (p.account().strategy() != null) {
                activation = activations.apply(p.account().strategy());
                if (activation == null) {
                    throw new IllegalStateException("no activation id for strategy " + p.account().strategy());
                }
            }
            batch.bind("entry", entryId).bind("account", accountId).bind("ledger", p.account().kind().name())
                    .bindByType("activation", activation, UUID.class).bind("symbol", p.account().symbol()).bind("amount", p.amount().amount())
                    .bind("currency", p.amount().currency().code()).add();
        }
    }
}
