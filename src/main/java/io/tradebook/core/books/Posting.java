package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import java.util.Objects;

/** One line of a journal entry: a debit-positive amount on one ledger account. Immutable. */
public record Posting(LedgerAccount account, Money amount) {
    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
    }
}
