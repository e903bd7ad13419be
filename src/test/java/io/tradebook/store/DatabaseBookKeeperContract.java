package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.BookKeeperContract;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The book keeper contract on a real database, plus what only a database can get wrong: cached
 * columns or postings changed behind the books' back, and the cascade when a user is deleted.
 */
abstract class DatabaseBookKeeperContract extends BookKeeperContract {
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");
    private TestOwner owner;
    private Database database;
    private BookKeeper keeper;
    private AutoCloseable closer;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        owner = new TestOwner(newDatabase(), "trader@example.com");
        database = owner.database;
        if (groupCommit()) {
            GroupCommitExecutionStore store = new GroupCommitExecutionStore(database.jdbi());
            keeper = store.books();
            closer = store;
        } else {
            keeper = new JdbiBookKeeper(database.jdbi());
        }
    }

    /** True to test the books of a {@link GroupCommitExecutionStore} instead of {@link JdbiBookKeeper}. */
    protected boolean groupCommit() {
        return false;
    }

    @AfterEach
    void close() throws Exception {
        if (closer != null) {
            closer.close();
        }
        owner.close();
    }

    @Override
    protected BookKeeper keeper() {
        return keeper;
    }

    @Override
    protected String openAccount(String name, String... strategies) {
        return owner.openAccount(name, strategies);
    }

    private String tradedAccount() {
        String a = openAccount("tamper", "s");
        keeper.deposit(a, Money.of("1000", USD), T0, "initial");
        keeper.record(Fill.of("t1", a, "s", "AAPL", Side.BUY, Quantity.of(4), Price.of("50", USD), Money.of("1", USD), T0));
        keeper.record(Fill.of("t2", a, "s", "AAPL", Side.SELL, Quantity.of(4), Price.of("55", USD), Money.of("1", USD), T0));
        keeper.record(Fill.of("t3", a, "s", "AAPL", Side.BUY, Quantity.of(2), Price.of("60", USD), Money.of("1", USD), T0));
        assertThat(keeper.verify(a)).isEmpty();
        return a;
    }

    @Test
    void verifyReportsACachedBalanceChangedBehindTheBooksBack() {
        String a = tradedAccount();
        database.jdbi().useHandle(h -> h.execute("UPDATE accounts SET cash_balance = cash_balance + 0.01 WHERE id = ?", UUID.fromString(a)));
        assertThat(keeper.verify(a)).singleElement().asString()
                .contains("cached cash").contains("stored 897.01").contains("derived 897"); // 1000 - 201 + 219 - 121
    }

    @Test
    void verifyReportsAPostingChangedBehindTheBooksBack() {
        String a = tradedAccount();
        database.jdbi().useHandle(h -> h.execute("UPDATE journal_postings SET amount = amount + 1 WHERE account_id = ? "
                + "AND ledger_account = 'FEES' AND entry_id = (SELECT MIN(entry_id) FROM journal_postings WHERE ledger_account = 'FEES' "
                + "AND account_id = ?)", UUID.fromString(a), UUID.fromString(a)));
        assertThat(keeper.verify(a)).anySatisfy(d -> assertThat(d).contains("does not balance"))
                .anySatisfy(d -> assertThat(d).contains("but its event implies"));
    }

    @Test
    void verifyReportsAHoldingChangedBehindTheBooksBack() {
        String a = tradedAccount();
        database.jdbi().useHandle(h -> h.execute("UPDATE holdings SET quantity = 3, cost_basis = 180 WHERE account_id = ? AND status = 'OPEN'",
                UUID.fromString(a)));
        assertThat(keeper.verify(a)).anySatisfy(d -> assertThat(d).contains("quantity: stored 3, derived 2"))
                .anySatisfy(d -> assertThat(d).contains("cost basis: stored 180, derived 120"));
    }

    @Test
    void verifyReportsAFillWithoutItsJournalEntry() {
        String a = tradedAccount();
        database.jdbi().useHandle(h -> h.execute("DELETE FROM journal_entries WHERE account_id = ? AND fill_id = "
                + "(SELECT MAX(id) FROM fills WHERE account_id = ?)", UUID.fromString(a), UUID.fromString(a)));
        assertThat(keeper.verify(a)).anySatisfy(d -> assertThat(d).contains("has no journal entry"));
    }

    @Test
    void aRoundTripKeepsTheConfidenceOfTheSignalThatOpenedIt() {
        String a = openAccount("signals", "s");
        keeper.record(new Fill("c1", a, "s", "ETH", Side.BUY, Quantity.of("1.5"), Price.of("2000", USD), Money.of("1", USD), T0,
                new java.math.BigDecimal("0.8125")));
        keeper.record(Fill.of("c2", a, "s", "ETH", Side.SELL, Quantity.of("1.5"), Price.of("2100", USD), Money.of("1", USD), T0));
        java.math.BigDecimal confidence = database.jdbi().withHandle(h -> h.createQuery("SELECT ai_confidence FROM round_trips")
                .mapTo(java.math.BigDecimal.class).one());
        assertThat(confidence).isEqualByComparingTo("0.8125");
        assertThat(keeper.verify(a)).isEmpty();
    }

    @Test
    void deletingTheUserRemovesEverythingOfTheirs() {
        String a = tradedAccount();
        database.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", owner.user));
        for (String table : new String[] {"accounts", "fills", "journal_entries", "journal_postings", "holdings", "round_trips",
            "strategy_activations", "broker_connections"}) {
            int left = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
            assertThat(left).as(table).isZero();
        }
        assertThat(a).isNotBlank();
    }
}
