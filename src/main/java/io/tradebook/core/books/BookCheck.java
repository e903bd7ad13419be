package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recomputes an account's figures from its journal and lists every place where a cached figure
 * differs: the journal must sum to zero, cash must equal the CASH accounts, net deposits the
 * CAPITAL account, and each strategy's open cost, realized P&L and fees their ledger accounts.
 */
final class BookCheck {
    private BookCheck() {
    }

    static List<String> verify(AccountBook book) {
        List<String> differences = new ArrayList<>();
        Journal journal = book.journal();
        String account = book.account();
        if (!journal.total().isZero()) {
            differences.add(account + ": journal does not balance, total " + journal.total());
        }
        Map<LedgerAccount, Money> balances = journal.balances();
        Money cashInJournal = Money.zero(book.currency());
        for (Map.Entry<LedgerAccount, Money> e : balances.entrySet()) {
            if (e.getKey().kind() == LedgerAccount.Kind.CASH) {
                cashInJournal = cashInJournal.plus(e.getValue());
            }
        }
        compare(differences, account + ": cash", book.cash(), cashInJournal);
        compare(differences, account + ": net deposits", book.netDeposits(), journal.balance(LedgerAccount.capital()).negate());
        for (StrategyPosition p : book.allPositions()) {
            String where = account + "/" + p.strategy() + "/" + p.symbol();
            Money fees = journal.balance(LedgerAccount.fees(p.strategy(), p.symbol()));
            Money gross = journal.balance(LedgerAccount.tradingPnl(p.strategy(), p.symbol())).negate();
            compare(differences, where + ": position cost", p.signedCostBasis(),
                    journal.balance(LedgerAccount.positionCost(p.strategy(), p.symbol())));
            compare(differences, where + ": fees", p.fees(), fees);
            compare(differences, where + ": realized P&L", p.realizedPnl(), gross.minus(fees));
        }
        if (journal.keepsEntries()) {
            Map<LedgerAccount, Money> derived = journal.derivedBalances();
            for (Map.Entry<LedgerAccount, Money> e : balances.entrySet()) {
                Money again = derived.getOrDefault(e.getKey(), Money.zero(book.currency()));
                compare(differences, account + ": running balance of " + e.getKey(), e.getValue(), again);
            }
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, Money cached, Money derived) {
        if (!cached.equals(derived)) {
            differences.add(what + ": cached " + cached.toPlainString() + ", journal " + derived.toPlainString());
        }
    }
}
