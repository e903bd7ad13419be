package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * The journal entries of cash movements that are not fills: deposits and withdrawals on the
 * shared pool, and allocations and releases between the pool and a strategy's budget. Every
 * factory refuses an amount that is not positive or not in the account's currency.
 */
public final class CashEntries {
    private CashEntries() {
    }

    public static JournalEntry deposit(String account, Currency currency, Money amount, Instant time, String reference) {
        return transfer(account, EntryType.DEPOSIT, LedgerAccount.cashPool(), LedgerAccount.capital(), currency, amount, time, reference);
    }

    public static JournalEntry withdrawal(String account, Currency currency, Money amount, Instant time, String reference) {
        return transfer(account, EntryType.WITHDRAWAL, LedgerAccount.capital(), LedgerAccount.cashPool(), currency, amount, time, reference);
    }

    public static JournalEntry allocation(String account, Currency currency, String strategy, Money amount, Instant time) {
        Fill.requireName(strategy, "strategy");
        return transfer(account, EntryType.ALLOCATION, LedgerAccount.cash(strategy), LedgerAccount.cashPool(), currency, amount, time, strategy);
    }

    public static JournalEntry release(String account, Currency currency, String strategy, Money amount, Instant time) {
        Fill.requireName(strategy, "strategy");
        return transfer(account, EntryType.RELEASE, LedgerAccount.cashPool(), LedgerAccount.cash(strategy), currency, amount, time, strategy);
    }

    private static JournalEntry transfer(String account, EntryType type, LedgerAccount debit, LedgerAccount credit,
                                         Currency currency, Money amount, Instant time, String reference) {
        if (amount.currency() != currency) {
            throw new IllegalArgumentException(type.name().toLowerCase() + " in " + amount.currency() + " for an account in " + currency);
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException(type.name().toLowerCase() + " must be positive: " + amount);
        }
        return new JournalEntry(account, type, time, reference, List.of(new Posting(debit, amount), new Posting(credit, amount.negate())));
    }
}
