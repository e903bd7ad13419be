package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.books.Side;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.execution.paper.NoSlippage;
import io.tradebook.core.execution.paper.PerShareCommission;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.TimeInForce;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A store that keeps only the newest closed orders: what it forgets and what it never forgets,
 * and the order path on it, which must report every order's outcome although the store has
 * already forgotten it.
 */
class PurgingInMemoryStoreTest {
    private static final Currency USD = Currency.USD;
    private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");

    private final InMemoryBookKeeper books = new InMemoryBookKeeper(Books.keepingEntries(USD));

    private PaperTrading paperOn(InMemoryExecutionStore store, String... accounts) {
        InMemoryAccountDirectory directory = new InMemoryAccountDirectory();
        for (String a : accounts) {
            books.activate(a, "alpha");
            directory.add(new TradingAccount(a, AccountType.CASH, USD)).activate(a, "alpha",
                    new StrategyActivation(ActivationStatus.ACTIVE, false));
        }
        AtomicLong ids = new AtomicLong();
        PaperTrading paper = new PaperTrading(store, directory, s -> Optional.of(Instrument.equity(s, USD)), new NoSlippage(),
                new PerShareCommission(Money.of("0.01", USD), Money.of("1", USD)), EventSink.NONE, Clock.fixed(T0, ZoneOffset.UTC),
                () -> "o" + ids.incrementAndGet(), RetryPolicy.none());
        for (String a : accounts) {
            paper.fund(a, Money.of("100000", USD), T0, "initial " + a);
        }
        paper.feed().pushQuote("AAPL", Price.of("99.99", USD), Price.of("100.01", USD), T0);
        return paper;
    }

    private static OrderRequest market(String account, Side side) {
        return OrderRequest.market(account, "alpha", "AAPL", side, Quantity.of(1));
    }

    @Test
    void forgetsTheOldestClosedOrdersButNeverOpenOnesOrThoseWithAClientOrderId() {
        InMemoryExecutionStore store = InMemoryExecutionStore.keepingClosed(books, 1);
        PaperTrading paper = paperOn(store, "a");
        Order first = paper.engine().submit(market("a", Side.BUY));
        Order kept = paper.engine().submit(market("a", Side.SELL).withClientOrderId("mine"));
        Order working = paper.engine().submit(OrderRequest.limit("a", "alpha", "AAPL", Side.BUY, Quantity.of(1),
                Price.of("90", USD), TimeInForce.GTC));
        Order second = paper.engine().submit(market("a", Side.BUY));
        Order third = paper.engine().submit(market("a", Side.SELL));

        assertThat(List.of(first, kept, second, third)).extracting(Order::status).containsOnly(OrderStatus.FILLED);
        assertThat(store.find(first.id())).isEmpty();
        assertThat(store.events(first.id())).isEmpty();
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.find(third.id())).contains(third);
        assertThat(store.events(third.id())).hasSize(3);
        assertThat(store.findByClientOrderId("a", "mine")).contains(kept);
        assertThat(store.find(working.id()).map(Order::status)).contains(OrderStatus.PLACED);
        assertThat(paper.engine().submit(market("a", Side.SELL).withClientOrderId("mine"))).isEqualTo(kept);
        assertThat(books.verify("a")).isEmpty();
    }

    @Test
    void refusesANegativeLimit() {
        assertThatThrownBy(() -> InMemoryExecutionStore.keepingClosed(books, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }

    @Test
    void theEngineReportsEveryOutcomeEvenWhenTheStoreKeepsNoClosedOrder() {
        InMemoryExecutionStore store = InMemoryExecutionStore.keepingClosed(books, 0);
        PaperTrading paper = paperOn(store, "a");
        Order bought = paper.engine().submit(market("a", Side.BUY));
        assertThat(bought.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(store.find(bought.id())).isEmpty();
        Order working = paper.engine().submit(OrderRequest.limit("a", "alpha", "AAPL", Side.BUY, Quantity.of(1),
                Price.of("90", USD), TimeInForce.GTC));
        assertThat(paper.engine().cancel(working.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(books.position("a", "alpha", "AAPL")).isEqualTo(Quantity.of(1));
        assertThat(books.verify("a")).isEmpty();
    }

    @Test
    void threadsOnTheirOwnAccountsGetTheirOutcomesWhileTheOthersFillAndForget() throws Exception {
        InMemoryExecutionStore store = InMemoryExecutionStore.keepingClosed(books, 0);
        PaperTrading paper = paperOn(store, "a", "b", "c", "d");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Order>>> results = new ArrayList<>();
        for (String account : List.of("a", "b", "c", "d")) {
            results.add(pool.submit(() -> {
                start.await();
                List<Order> mine = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    mine.add(paper.engine().submit(market(account, i % 2 == 0 ? Side.BUY : Side.SELL)));
                }
                return mine;
            }));
        }
        start.countDown();
        for (Future<List<Order>> f : results) {
            assertThat(f.get()).extracting(Order::status).containsOnly(OrderStatus.FILLED).hasSize(500);
        }
        pool.shutdown();
        for (String account : List.of("a", "b", "c", "d")) {
            assertThat(books.position(account, "alpha", "AAPL").isZero()).isTrue();
            assertThat(books.verify(account)).isEmpty();
        }
    }

    @Test
    void keepsEverythingByDefault() {
        InMemoryExecutionStore store = new InMemoryExecutionStore(books);
        PaperTrading paper = paperOn(store, "a");
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(paper.engine().submit(market("a", i % 2 == 0 ? Side.BUY : Side.SELL)));
        }
        orders.forEach(o -> assertThat(store.find(o.id())).contains(o));
        assertThat(store.events(orders.get(0).id())).hasSize(3);
    }
}
