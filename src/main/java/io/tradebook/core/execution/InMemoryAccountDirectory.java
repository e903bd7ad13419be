package io.tradebook.core.execution;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AccountDirectory} held in memory, for backtests, benchmarks and tests. Thread-safe. */
public final class InMemoryAccountDirectory implements AccountDirectory {
    private final Map<String, TradingAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, StrategyActivation> activations = new ConcurrentHashMap<>();

    public InMemoryAccountDirectory add(TradingAccount account) {
        accounts.put(account.key(), account);
        return this;
    }

    public InMemoryAccountDirectory activate(String account, String strategy, StrategyActivation activation) {
        activations.put(account + "\u0000" + strategy, activation);
        return this;
    }

    @Override
    public Optional<TradingAccount> account(String key) {
        return Optional.ofNullable(accounts.get(key));
    }

    @Override
    public Optional<StrategyActivation> activation(String account, String strategy) {
        return Optional.ofNullable(activations.get(account + "\u0000" + strategy));
    }
}
