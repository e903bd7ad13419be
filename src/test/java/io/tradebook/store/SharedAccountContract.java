package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.execution.ConcurrentChangeException;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.ActivationStatus;
import io.tradebook.core.execution.InMemoryAccountDirectory;
import io.tradebook.core.execution.PaperTrading;
import io.tradebook.core.execution.RetryPolicy;
import io.tradebook.core.execution.StrategyActivation;
import io.tradebook.core.execution.TradingAccount;
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
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two order paths, as two server processes would run them, on one database and one account: each
 * with its own store in memory, its own paper broker and its own locks. Whatever they do at the
 * same time, the account never spends more than it has, no fill is booked twice, and the books in
 * the database agree with their journal.
 */
abstract class SharedAccountContract {
    private static final Currency USD = Currency.USD;
    private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");

    private Database database;
    private String account;
    private final List<GroupCommitExecutionStore> stores = new ArrayList<>();

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        AccountRepository repository = new AccountRepository(database.jdbi());
        UUID user = repository.findOrCreateUser("shared@example.com", "Two processes");
        account = repository.openAccountWithStrategies(user, "shared", "paper", "PAPER-SHARED", "CASH", "USD", "alpha", "beta")
                .id().toString();
    }

    @AfterEach
    void close() {
        stores.forEach(GroupCommitExecutionStore::close);
        database.close();
    }

    /** One "process": its own store, directory, paper broker and engine on the shared database. */
    private PaperTrading process() {
        GroupCommitExecutionStore store = new GroupCommitExecutionStore(database.jdbi(), 2, 100);
        stores.add(store);
        InMemoryAccountDirectory directory = new InMemoryAccountDirectory().add(new TradingAccount(account, AccountType.CASH, USD));
        directory.activate(account, "alpha", new StrategyActivation(ActivationStatus.ACTIVE, false));
        directory.activate(account, "beta", new StrategyActivation(ActivationStatus.ACTIVE, false));
        PaperTrading paper = new PaperTrading(store, directory, s -> Optional.of(Instrument.equity(s, USD)), new NoSlippage(),
                new PerShareCommission(Money.of("0", USD), Money.of("0", USD)), EventSink.NONE, Clock.fixed(T0, ZoneOffset.UTC),
                () -> UUID.randomUUID().toString(), RetryPolicy.none(), "process" + stores.size());
        paper.feed().pushQuote("AAPL", Price.of("100", USD), Price.of("100", USD), T0);
        return paper;
    }

    private static OrderRequest buy(String account, String strategy, String quantity) {
        return OrderRequest.market(account, strategy, "AAPL", Side.BUY, Quantity.of(quantity));
    }

    @Test
    void twoProcessesBuyingWithOnePoolNeverSpendMoreThanItHolds() throws Exception {
        PaperTrading first = process();
        PaperTrading second = process();
        first.fund(account, Money.of("10000", USD), T0, "initial");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Order>>> results = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        PaperTrading[] processes = {first, second, first, second};
        String[] strategies = {"alpha", "alpha", "beta", "beta"};
        for (int t = 0; t < 4; t++) {
            PaperTrading p = processes[t];
            String strategy = strategies[t];
            results.add(pool.submit(() -> {
                start.await();
                List<Order> mine = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    try {
                        mine.add(p.engine().submit(buy(account, strategy, "3"))); // 3 × 100 = 300 a buy; the pool holds 10,000
                    } catch (ConcurrentChangeException busy) {
                        refused.incrementAndGet(); // nothing of it was stored: a caller would try again
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Order> all = new ArrayList<>();
        for (Future<List<Order>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        GroupCommitExecutionStore reader = new GroupCommitExecutionStore(database.jdbi(), 1, 10);
        stores.add(reader);
        // a submit returns the order as it stands when the broker call returns; read where they all ended
        List<Order> ended = all.stream().map(o -> reader.find(o.id()).orElseThrow()).toList();
        long filled = ended.stream().filter(o -> o.status() == OrderStatus.FILLED).count();
        assertThat(ended).extracting(Order::status).containsOnly(OrderStatus.FILLED, OrderStatus.REJECTED);
        // the engine reserves the market buffer (5%) above the ask, so at most 31 buys of 300 fit in 10,000
        assertThat(filled).isBetween(1L, 33L);
        assertThat(reader.books().cashAvailable(account, "alpha").amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(reader.books().netPosition(account, "AAPL")).isEqualTo(Quantity.of(3 * filled));
        assertThat(reader.books().verify(account)).isEmpty();
        int fills = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM fills WHERE account_id = :a")
                .bind("a", UUID.fromString(account)).mapTo(Integer.class).one());
        assertThat(fills).isEqualTo((int) filled);
        assertThat(all.size() + refused.get()).isEqualTo(60);
        int stored = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM orders WHERE account_id = :a")
                .bind("a", UUID.fromString(account)).mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(all.size());
    }

    @Test
    void anOrderWorkingInOneProcessFillsThereWhileTheOtherTradesTheSameAccount() {
        PaperTrading first = process();
        PaperTrading second = process();
        first.fund(account, Money.of("10000", USD), T0, "initial");
        Order working = first.engine().submit(new OrderRequest(account, "alpha", null, "AAPL", Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, Quantity.of(10), Price.of("90", USD), null, null));
        assertThat(working.status()).isEqualTo(OrderStatus.PLACED);
        for (int i = 0; i < 5; i++) {
            assertThat(second.engine().submit(buy(account, "beta", "1")).status()).isEqualTo(OrderStatus.FILLED);
        }
        first.feed().pushQuote("AAPL", Price.of("89", USD), Price.of("89", USD), T0);
        Order filled = first.engine().find(working.id()).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        GroupCommitExecutionStore reader = new GroupCommitExecutionStore(database.jdbi(), 1, 10);
        stores.add(reader);
        assertThat(reader.books().netPosition(account, "AAPL")).isEqualTo(Quantity.of(15));
        assertThat(reader.books().verify(account)).isEmpty();
    }
}
