package io.tradebook.store;

import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.Posting;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes journal entries and their postings; strategies are mapped to their activation ids. */
final class JournalRows {
    private JournalRows() {
    }

    static long insert(Handle h, UUID accountId, JournalEntry entry, Long fillId, Map<String, UUID> activations) {
        long entryId = h.createUpdate("INSERT INTO journal_entries (account_id, entry_type, occurred_at, fill_id, description) "
                        + "VALUES (:account, :type, :time, :fill, :description)")
                .bind("account", accountId).bind("type", entry.type().name()).bind("time", SqlTypes.utc(entry.time()))
                .bindByType("fill", fillId, Long.class).bind("description", entry.reference())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        PreparedBatch batch = h.prepareBatch("INSERT INTO journal_postings (entry_id, account_id, ledger_account, "
                + "strategy_activation_id, symbol, amount, currency) VALUES (:entry, :account, :ledger, :activation, :symbol, :amount, :currency)");
        for (Posting p : entry.postings()) {
            UUID activation = null;
            if (p.account().strategy() != null) {
                activation = activations.get(p.account().strategy());
                if (activation == null) {
                    throw new IllegalStateException("no activation id for strategy " + p.account().strategy());
                }
            }
            batch.bind("entry", entryId).bind("account", accountId).bind("ledger", p.account().kind().name())
                    .bindByType("activation", activation, UUID.class).bind("symbol", p.account().symbol()).bind("amount", p.amount().amount())
                    .bind("currency", p.amount().currency().code()).add();
        }
        batch.execute();
        return entryId;
    }
}
