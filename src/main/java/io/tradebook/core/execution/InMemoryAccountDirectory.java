package io.tradebook.core.execution;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AccountDirectory} held in memory, for backtests, benchmarks and tests. Thread-safe. */
public final class InMemoryAccountDirectory implements AccountDirectory {
    private final Map<String, TradingAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StrategyActivation>> activations = new ConcurrentHashMap<>();

    public InMemoryAccountDirectory add(TradingAccount account) {
        accounts.put(account.key(), account);
        return this;
    }

    public InMemoryAccountDirectory activate(String account, String strategy, StrategyActivation activation) {
        activations.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).put(strategy, activation);
        return this;
    }

    @Override
    public Optional<TradingAccount> account(String key) {
        return Optional.ofNullable(accounts.get(key));
    }

    @Override
    public Optional<StrategyActivation> activation(String account, String strategy) {
        Map<String, StrategyActivation> ofAccount = activations.get(account);
        return ofAccount == null ? Optional.empty() : Optional.ofNullable(ofAccount.get(strategy));
    }
}
