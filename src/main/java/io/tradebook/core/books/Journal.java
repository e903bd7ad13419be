package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The double-entry journal of one account, in its currency: every entry posted, and the balance
 * of every ledger account derived from them. Not thread-safe; an {@link AccountBook} owns one.
 *
 * <p>A journal may keep its entries ({@link #keepingEntries}) so that balances can be derived
 * again from scratch, or only running balances ({@link #balancesOnly}) when replaying millions of
 * fills; both refuse an entry in another currency.
 */
public final class Journal {
    private final Currency currency;
    private final Map<LedgerAccount, BigDecimal> balances = new HashMap<>();
    private final List<JournalEntry> entries;
    private long entryCount;

    private Journal(Currency currency, boolean keepEntries) {
        this.currency = currency;
        this.entries = keepEntries ? new ArrayList<>() : null;
    }

    public static Journal keepingEntries(Currency currency) {
        return new Journal(currency, true);
    }

    public static Journal balancesOnly(Currency currency) {
        return new Journal(currency, false);
    }

    void post(JournalEntry entry) {
        if (entry.currency() != currency) {
            throw new IllegalArgumentException("journal in " + currency + " refuses an entry in " + entry.currency());
        }
        for (Posting p : entry.postings()) {
            balances.merge(p.account(), p.amount().amount(), BigDecimal::add);
        }
        entryCount++;
        if (entries != null) {
            entries.add(entry);
        }
    }

    /** The running balance of {@code account} (debit-positive). */
    public Money balance(LedgerAccount account) {
        BigDecimal b = balances.get(account);
        return b == null ? Money.zero(currency) : Money.of(b, currency);
    }

    /** Every ledger account's running balance. */
    public Map<LedgerAccount, Money> balances() {
        Map<LedgerAccount, Money> out = new HashMap<>();
        balances.forEach((k, v) -> out.put(k, Money.of(v, currency)));
        return out;
    }

    /** The sum of all balances; zero whenever every entry balanced. */
    public Money total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal b : balances.values()) {
            sum = sum.add(b);
        }
        return Money.of(sum, currency);
    }

    /**
     * Balances derived again from the kept entries, independently of the running ones.
     * Refuses a journal that keeps only balances.
     */
    public Map<LedgerAccount, Money> derivedBalances() {
        if (entries == null) {
            throw new IllegalStateException("this journal keeps only running balances");
        }
        Map<LedgerAccount, BigDecimal> sums = new HashMap<>();
        for (JournalEntry e : entries) {
            for (Posting p : e.postings()) {
                sums.merge(p.account(), p.amount().amount(), BigDecimal::add);
            }
        }
        Map<LedgerAccount, Money> out = new HashMap<>();
        sums.forEach((k, v) -> out.put(k, Money.of(v, currency)));
        return out;
    }

    /** The kept entries, in posting order; empty for a balances-only journal. */
    public List<JournalEntry> entries() {
        return entries == null ? List.of() : Collections.unmodifiableList(entries);
    }

    /** True when this journal keeps its entries and can derive its balances again. */
    public boolean keepsEntries() {
        return entries != null;
    }

    public long entryCount() {
        return entryCount;
    }

    public Currency currency() {
        return currency;
    }
}
