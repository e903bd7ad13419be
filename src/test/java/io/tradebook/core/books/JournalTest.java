package io.tradebook.core.books;

import static io.tradebook.core.books.BookFixtures.T0;
import static io.tradebook.core.books.BookFixtures.usd;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {
    @Test
    void refusesAnUnbalancedEntry() {
        assertThatThrownBy(() -> new JournalEntry("A", EntryType.DEPOSIT, T0, "x", List.of(
                new Posting(LedgerAccount.cashPool(), usd("10")), new Posting(LedgerAccount.capital(), usd("-9.99")))))
                .hasMessageContaining("unbalanced").hasMessageContaining("0.01");
    }

    @Test
    void refusesAnEntryThatMixesCurrencies() {
        assertThatThrownBy(() -> new JournalEntry("A", EntryType.DEPOSIT, T0, "x", List.of(
                new Posting(LedgerAccount.cashPool(), usd("10")),
                new Posting(LedgerAccount.capital(), Money.of("-10", Currency.of("EUR"))))))
                .hasMessageContaining("mixes");
    }

    @Test
    void refusesAnEntryInAnotherCurrencyThanTheJournal() {
        Journal journal = Journal.keepingEntries(Currency.of("EUR"));
        JournalEntry entry = new JournalEntry("A", EntryType.DEPOSIT, T0, "x", List.of(
                new Posting(LedgerAccount.cashPool(), usd("10")), new Posting(LedgerAccount.capital(), usd("-10"))));
        assertThatThrownBy(() -> journal.post(entry)).hasMessageContaining("refuses");
    }

    @Test
    void ledgerAccountsRefuseMissingScope() {
        assertThatThrownBy(() -> LedgerAccount.positionCost("s", null)).hasMessageContaining("needs a strategy and a symbol");
        assertThatThrownBy(() -> new LedgerAccount(LedgerAccount.Kind.CAPITAL, "s", null)).hasMessageContaining("no strategy");
    }

    @Test
    void booksRefuseBadInput() {
        AccountBook book = AccountBook.open("A", Currency.USD);
        assertThatThrownBy(() -> book.deposit(usd("0"), T0, "x")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> book.release("nobody", usd("1"), T0)).hasMessageContaining("no allocation");
        assertThatThrownBy(() -> book.apply(BookFixtures.fill("B", "s", "X", Side.BUY, "1", "1", "0", 0)))
                .hasMessageContaining("given to A");
        assertThatThrownBy(() -> BookFixtures.fill("A", "s", "X", Side.BUY, "0", "1", "0", 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> BookFixtures.fill("A", "s", "X", Side.BUY, "1", "1", "-1", 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> BookFixtures.fill("A", " ", "X", Side.BUY, "1", "1", "0", 0)).hasMessageContaining("blank");
    }
}
