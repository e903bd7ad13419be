package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory books of several accounts, keyed by account name and sorted. Mutable, not
 * thread-safe. Used to replay fill histories and as the reference implementation the database
 * books are tested against.
 */
public final class Books {
    private final Map<String, AccountBook> accounts = new TreeMap<>();
    private final Currency currency;
    private final boolean keepEntries;
    private final boolean keepRoundTrips;

    private Books(Currency currency, boolean keepEntries, boolean keepRoundTrips) {
        this.currency = currency;
        this.keepEntries = keepEntries;
        this.keepRoundTrips = keepRoundTrips;
    }

    /** Books whose journals keep every entry (for checks that derive balances from scratch). */
    public static Books keepingEntries(Currency currency) {
        return new Books(currency, true, true);
    }

    /** Books whose journals keep running balances only (for replaying long histories). */
    public static Books balancesOnly(Currency currency) {
        return new Books(currency, false, true);
    }

    /** Books of running figures only ({@link AccountBook#figuresOnly}): balances, and round trips counted, not kept. */
    public static Books figuresOnly(Currency currency) {
        return new Books(currency, false, false);
    }

    /** The book of {@code account}, opened in this books' currency on first use. */
    public AccountBook account(String account) {
        return accounts.computeIfAbsent(account, a -> new AccountBook(a, currency,
                keepEntries ? Journal.keepingEntries(currency) : Journal.balancesOnly(currency), keepRoundTrips));
    }

    public FillResult apply(Fill fill) {
        return account(fill.account()).apply(fill);
    }

    public Collection<AccountBook> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    /** Every difference between cached figures and journals, over all accounts. */
    public List<String> verify() {
        List<String> differences = new ArrayList<>();
        accounts.values().forEach(a -> differences.addAll(a.verify()));
        return differences;
    }
}
