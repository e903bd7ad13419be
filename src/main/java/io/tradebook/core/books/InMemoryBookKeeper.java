package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * A {@link BookKeeper} over in-memory {@link Books}: for backtests, tests and replays. Thread-safe
 * by a single lock (one writer at a time, as the database keeper serialises per account).
 */
public final class InMemoryBookKeeper implements BookKeeper {
    private final Books books;

    public InMemoryBookKeeper(Books books) {
        this.books = books;
    }

    @Override
    public synchronized FillResult record(Fill fill) {
        return books.apply(fill);
    }

    @Override
    public synchronized void deposit(String account, Money amount, Instant time, String reference) {
        books.account(account).deposit(amount, time, reference);
    }

    @Override
    public synchronized void withdraw(String account, Money amount, Instant time, String reference) {
        books.account(account).withdraw(amount, time, reference);
    }

    @Override
    public synchronized void allocate(String account, String strategy, Money amount, Instant time) {
        books.account(account).allocate(strategy, amount, time);
    }

    @Override
    public synchronized void release(String account, String strategy, Money amount, Instant time) {
        books.account(account).release(strategy, amount, time);
    }

    @Override
    public synchronized List<String> verify(String account) {
        return books.account(account).verify();
    }

    /** The books behind this keeper; read them only while no other thread writes. */
    public Books books() {
        return books;
    }
}
