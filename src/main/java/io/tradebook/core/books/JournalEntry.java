package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One balanced transaction of an account's journal. Immutable. Refuses an entry without
 * postings, with postings in more than one currency, or whose amounts do not sum to exactly
 * zero: an unbalanced entry cannot be constructed.
 *
 * @param reference what caused it: the trade id of a fill, or a free-text reference
 */
public record JournalEntry(String account, EntryType type, Instant time, String reference, List<Posting> postings) {

    public JournalEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        postings = List.copyOf(postings);
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("a journal entry needs postings");
        }
        Currency currency = postings.get(0).amount().currency();
        BigDecimal sum = BigDecimal.ZERO;
        for (Posting p : postings) {
            if (p.amount().currency() != currency) {
                throw new IllegalArgumentException("journal entry mixes " + currency + " and " + p.amount().currency());
            }
            sum = sum.add(p.amount().amount());
        }
        if (sum.signum() != 0) {
            throw new IllegalArgumentException("unbalanced journal entry (" + type + " " + reference + "): postings sum to " + sum.toPlainString());
        }
    }

    public Currency currency() {
        return postings.get(0).amount().currency();
    }

    /** The entry's amount on {@code ledgerAccount} (zero when it has no posting there). */
    public Money amountOn(LedgerAccount ledgerAccount) {
        Money total = Money.zero(currency());
        for (Posting p : postings) {
            if (p.account().equals(ledgerAccount)) {
                total = total.plus(p.amount());
            }
        }
        return total;
    }
}
