package io.tradebook.core.execution;

import java.util.Optional;

/** Where the order path learns an account's type and currency and whether a strategy is active on it. */
public interface AccountDirectory {
    Optional<TradingAccount> account(String key);

    /** The strategy's activation on the account, or empty when it is not activated there. */
    Optional<StrategyActivation> activation(String account, String strategy);
}
