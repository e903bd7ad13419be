package io.tradebook.trading;

import io.tradebook.core.execution.AccountDirectory;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.ActivationStatus;
import io.tradebook.core.execution.StrategyActivation;
import io.tradebook.core.execution.TradingAccount;
import io.tradebook.core.money.Currency;
import io.tradebook.store.AccountRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The order path's view of the accounts in the database, kept in memory so that a submit reads
 * no row to learn its account's type, currency, owner and strategies: each account is read once
 * (two queries), on first use, and again after {@link #refresh}. Whoever changes an account's
 * strategies (activating, pausing, allocating) calls {@link #refresh}. Thread-safe.
 */
final class AccountCache implements AccountDirectory {
    /** A strategy activation (a book) of an account. Immutable. */
    record Book(UUID id, String name, StrategyActivation activation) {
    }

    /** An account as the order path needs it, its owner and its books by name. Immutable. */
    record Entry(TradingAccount account, UUID owner, Map<String, Book> books) {
        Entry {
            books = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(books));
        }
    }

    private final AccountRepository accounts;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    AccountCache(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account with key {@code key} (its id as text), read on first use; empty when there is none. */
    Optional<Entry> entry(String key) {
        Entry known = entries.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!id.toString().equals(key)) {
            return Optional.empty();
        }
        Optional<Entry> loaded = load(id);
        loaded.ifPresent(e -> entries.putIfAbsent(key, e));
        return loaded.map(e -> entries.getOrDefault(key, e));
    }

    Optional<Entry> entry(UUID id) {
        return entry(id.toString());
    }

    /** The owner of account {@code key}, or null when there is no such account. */
    UUID ownerOf(String key) {
        return entry(key).map(Entry::owner).orElse(null);
    }

    /** Forgets what is held about the account, so its next use reads it again. */
    void refresh(UUID id) {
        entries.remove(id.toString());
    }

    /** Forgets every account: each is read again on its next use. */
    void clear() {
        entries.clear();
    }

    @Override
    public Optional<TradingAccount> account(String key) {
        return entry(key).map(Entry::account);
    }

    @Override
    public Optional<StrategyActivation> activation(String account, String strategy) {
        return entry(account).map(e -> e.books().get(strategy)).map(Book::activation);
    }

    private Optional<Entry> load(UUID id) {
        return accounts.findAccount(id).map(a -> {
            Map<String, Book> books = new LinkedHashMap<>();
            for (AccountRepository.Activation s : accounts.listActivations(id)) {
                books.put(s.name(), new Book(s.id(), s.name(), new StrategyActivation(ActivationStatus.valueOf(s.status()),
                        s.allocation() != null)));
            }
            return new Entry(new TradingAccount(id.toString(), AccountType.valueOf(a.type()), Currency.of(a.currency())), a.userId(),
                    books);
        });
    }
}
