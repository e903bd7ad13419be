package io.tradebook.core.execution;

import io.tradebook.core.money.Currency;
import java.util.Objects;

/** An account as the order path sees it: its key, its type and its currency. Immutable. */
public record TradingAccount(String key, AccountType type, Currency currency) {
    public TradingAccount {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
    }
}
