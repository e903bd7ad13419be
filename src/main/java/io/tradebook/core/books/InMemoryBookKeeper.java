package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link BookKeeper} over in-memory {@link Books}: for backtests, tests and replays. Like the
 * database keeper it knows its accounts and their strategy activations and refuses others, so
 * that one contract holds for both. Thread-safe by a single lock (one writer at a time).
 */
public final class InMemoryBookKeeper implements BookKeeper {
    private final Books books;
    private final Map<String, Set<String>> activations = new HashMap<>();
    private final Set<String> references = new HashSet<>();

    public InMemoryBookKeeper(Books books) {
        this.books = books;
    }

    /** Opens {@code account} (if new) and activates {@code strategies} on it. */
    public synchronized void activate(String account, String... strategies) {
        Set<String> known = activations.computeIfAbsent(account, a -> new HashSet<>());
        books.account(account);
        for (String s : strategies) {
            Fill.requireName(s, "strategy");
            known.add(s);
        }
    }

    @Override
    public synchronized FillResult record(Fill fill) {
        requireStrategy(fill.account(), fill.strategy());
        return books.apply(fill);
    }

    @Override
    public synchronized boolean deposit(String account, Money amount, Instant time, String reference) {
        return once(account, reference, book -> book.deposit(amount, time, reference));
    }

    @Override
    public synchronized boolean withdraw(String account, Money amount, Instant time, String reference) {
        return once(account, reference, book -> book.withdraw(amount, time, reference));
    }

    private boolean once(String account, String reference, Consumer<AccountBook> movement) {
        AccountBook book = book(account);
        String key = account + "\u0000" + reference;
        if (references.contains(key)) {
            return false;
        }
        movement.accept(book);
        references.add(key);
        return true;
    }

    @Override
    public synchronized void allocate(String account, String strategy, Money amount, Instant time) {
        requireStrategy(account, strategy);
        books.account(account).allocate(strategy, amount, time);
    }

    @Override
    public synchronized void release(String account, String strategy, Money amount, Instant time) {
        requireStrategy(account, strategy);
        books.account(account).release(strategy, amount, time);
    }

    @Override
    public synchronized Quantity position(String account, String strategy, String symbol) {
        StrategyPosition p = book(account).position(strategy, symbol);
        return p == null ? Quantity.ZERO : p.signedQuantity();
    }

    @Override
    public synchronized Quantity netPosition(String account, String symbol) {
        return book(account).netPosition(symbol);
    }

    @Override
    public synchronized Money cashAvailable(String account, String strategy) {
        return book(account).cashAvailableTo(strategy);
    }

    @Override
    public synchronized AccountSnapshot snapshot(String account) {
        return book(account).snapshot();
    }

    @Override
    public synchronized List<String> verify(String account) {
        return book(account).verify();
    }

    /**
     * True when {@code account} is open here and, if {@code strategy} is not null, has that
     * strategy activated: what {@link #record} would accept. Lets a caller refuse an order for an
     * unknown account or strategy before it changes anything.
     */
    public synchronized boolean knows(String account, String strategy) {
        Set<String> known = activations.get(account);
        return known != null && (strategy == null || known.contains(strategy));
    }

    /** The books behind this keeper; read them only while no other thread writes. */
    public Books books() {
        return books;
    }

    private AccountBook book(String account) {
        if (!activations.containsKey(account)) {
            throw new IllegalArgumentException("no account " + account);
        }
        return books.account(account);
    }

    private void requireStrategy(String account, String strategy) {
        Set<String> known = activations.get(account);
        if (known == null) {
            throw new IllegalArgumentException("no account " + account);
        }
        if (!known.contains(strategy)) {
            throw new IllegalArgumentException("account " + account + " has no strategy activation '" + strategy + "'");
        }
    }
}
