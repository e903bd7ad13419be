package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the group-commit store has: many callers sharing transactions, accounts loaded again
 * from the database (after a restart, or after a failed write) to the very state they had, and a
 * failed write that sinks neither the other writes of its transaction nor the books.
 */
abstract class GroupCommitContract {
    private static final Currency USD = Currency.USD;
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

    private TestOwner owner;
    private Database database;
    private GroupCommitExecutionStore store;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        owner = new TestOwner(newDatabase(), "group@example.com");
        database = owner.database;
        // the second writer helps whenever more than one write waits, so both writers take writes of the same accounts by turns
        store = new GroupCommitExecutionStore(database.jdbi(), 2, 64, 1);
    }

    @AfterEach
    void close() {
        store.close();
        owner.close();
    }

    private static Fill fill(String trade, String account, String strategy, Side side, String quantity, String price) {
        return Fill.of(trade, account, strategy, "AAPL", side, Quantity.of(quantity), Price.of(price, USD), Money.of("1", USD), T0);
    }

    @Test
    void concurrentWritersOnManyAccountsLeaveBooksThatVerifyAndLoadAgainTheSame() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String a = owner.openAccount("acct-" + i, "s1", "s2");
            store.books().deposit(a, Money.of("100000", USD), T0, "funding");
            accounts.add(a);
        }
        store.books().allocate(accounts.get(0), "s2", Money.of("5000", USD), T0);
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int lane = t;
            done.add(pool.submit(() -> {
                start.await();
                String a = accounts.get(lane % accounts.size()); // two threads per account
                String s = lane < accounts.size() ? "s1" : "s2";
                for (int i = 0; i < 40; i++) {
                    Side side = i % 3 == 2 ? Side.SELL : Side.BUY; // builds a position, with partial closes
                    store.books().record(fill("t-" + lane + "-" + i, a, s, side, "2", String.valueOf(100 + i % 7)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        try (GroupCommitExecutionStore restarted = new GroupCommitExecutionStore(database.jdbi())) {
            for (String a : accounts) {
                assertThat(store.books().verify(a)).isEmpty();
                assertThat(restarted.books().snapshot(a)).isEqualTo(store.books().snapshot(a));
                assertThat(restarted.books().cashAvailable(a, "s2")).isEqualTo(store.books().cashAvailable(a, "s2"));
            }
            // the restarted store goes on from the loaded state: its lifecycles and balances are the database's
            String a = accounts.get(0);
            restarted.books().record(fill("after-restart", a, "s1", Side.SELL, "1", "120"));
            assertThat(restarted.books().verify(a)).isEmpty();
        }
    }

    @Test
    void aDuplicateFillIsAppliedOnceAcrossARestart() {
        String a = owner.openAccount("dup", "s");
        store.books().deposit(a, Money.of("1000", USD), T0, "funding");
        assertThat(store.books().record(fill("t-1", a, "s", Side.BUY, "1", "100")).duplicate()).isFalse();
        try (GroupCommitExecutionStore restarted = new GroupCommitExecutionStore(database.jdbi())) {
            assertThat(restarted.books().record(fill("t-1", a, "s", Side.BUY, "1", "100")).duplicate()).isTrue();
            assertThat(restarted.books().deposit(a, Money.of("1000", USD), T0, "funding")).isFalse();
            assertThat(restarted.books().position(a, "s", "AAPL")).isEqualTo(Quantity.of(1));
        }
    }

    @Test
    void aWriteTheDatabaseRefusesFailsAloneAndItsAccountIsLoadedAgain() {
        String bad = owner.openAccount("bad", "s");
        String good = owner.openAccount("good", "s");
        store.books().deposit(bad, Money.of("1000", USD), T0, "funding");
        store.books().deposit(good, Money.of("1000", USD), T0, "funding");
        // another writer, behind the store's back, books a trade id the store has not seen
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO fills (account_id, strategy_activation_id, symbol, side, quantity, "
                        + "price, fee, total_cost, currency, broker_trade_id, executed_at) SELECT a.id, s.id, 'AAPL', 'BUY', 1, 100, 0, "
                        + "100, 'USD', 'taken', CURRENT_TIMESTAMP FROM accounts a JOIN strategy_activations s ON s.account_id = a.id "
                        + "WHERE a.id = :a").bind("a", UUID.fromString(bad)).execute());

        CompletableFuture<Void> other = CompletableFuture.runAsync(() ->
                store.books().record(fill("fine", good, "s", Side.BUY, "1", "100")));
        assertThatThrownBy(() -> store.books().record(fill("taken", bad, "s", Side.BUY, "1", "100")))
                .hasMessageContaining("uq_fills_broker_trade");
        other.join();

        assertThat(store.books().verify(good)).isEmpty();
        assertThat(store.books().position(good, "s", "AAPL")).isEqualTo(Quantity.of(1));
        // the failed account was dropped and loaded again: the refused fill is not in its books
        assertThat(store.books().position(bad, "s", "AAPL")).isEqualTo(Quantity.ZERO);
        assertThat(store.books().cashAvailable(bad, "s")).isEqualTo(Money.of("1000", USD));
        assertThat(store.books().record(fill("next", bad, "s", Side.BUY, "2", "100")).duplicate()).isFalse();
        assertThat(store.books().position(bad, "s", "AAPL")).isEqualTo(Quantity.of(2));
    }
}
