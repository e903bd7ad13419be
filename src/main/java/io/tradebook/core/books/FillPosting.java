package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the journal entry of a fill: cash against position cost, gross realized P&L and fees.
 * With debit-positive amounts, for a fill of signed quantity {@code s} at price {@code p} with
 * fee {@code f}: {@code CASH −s·p − f}, {@code POSITION_COST Δcost}, {@code TRADING_PNL −gross},
 * {@code FEES +f}; these sum to zero because {@code Δcost − gross = s·p}.
 */
public final class FillPosting {
    private FillPosting() {
    }

    /** The balanced entry of {@code fill}, whose cash moves on {@code cashAccount} (the pool or the strategy's budget). */
    public static JournalEntry entryFor(Fill fill, HoldingChange change, LedgerAccount cashAccount) {
        return entryFor(fill, fill.cashFlow(), change, cashAccount);
    }

    /** As {@link #entryFor(Fill, HoldingChange, LedgerAccount)}, with the fill's {@link Fill#cashFlow()} already computed. */
    static JournalEntry entryFor(Fill fill, Money cashFlow, HoldingChange change, LedgerAccount cashAccount) {
        List<Posting> postings = new ArrayList<>(4);
        postings.add(new Posting(cashAccount, cashFlow));
        postings.add(new Posting(LedgerAccount.positionCost(fill.strategy(), fill.symbol()), change.signedCostChange()));
        Money gross = change.tradingPnl();
        if (!gross.isZero()) {
            postings.add(new Posting(LedgerAccount.tradingPnl(fill.strategy(), fill.symbol()), gross.negate()));
        }
        if (!fill.fee().isZero()) {
            postings.add(new Posting(LedgerAccount.fees(fill.strategy(), fill.symbol()), fill.fee()));
        }
        return new JournalEntry(fill.account(), EntryType.FILL, fill.time(), fill.tradeId(), postings);
    }
}
