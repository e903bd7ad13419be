package io.tradebook.bench;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.books.Side;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.ActivationStatus;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.execution.InMemoryAccountDirectory;
import io.tradebook.core.execution.InMemoryExecutionStore;
import io.tradebook.core.execution.PaperTrading;
import io.tradebook.core.execution.RetryPolicy;
import io.tradebook.core.execution.StrategyActivation;
import io.tradebook.core.execution.TradingAccount;
import io.tradebook.core.execution.paper.BasisPointsSlippage;
import io.tradebook.core.execution.paper.PerShareCommission;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.risk.RiskRule;
import io.tradebook.core.risk.RuleType;
import io.tradebook.core.risk.RuleUnit;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.Database;
import io.tradebook.store.GroupCommitExecutionStore;
import io.tradebook.store.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order benchmark's workload: market orders through the whole path (pre-trade risk with a
 * rule on every account, buying power, the engine, the paper broker filling at once at the quote
 * with slippage and commission, and the books), on a store in memory or in a database (the
 * group-commit store, where each order is durable when its call returns). Each lane
 * is one account and strategy that alternately buys and sells one unit, so every order fills,
 * moves a position and realizes P&L. Lanes never share an account, so threads do not contend.
 */
public final class OrderWorkload implements AutoCloseable {
    private static final Currency USD = Currency.USD;
    private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");
    private static final String SYMBOL = "SPY";

    private final PaperTrading paper;
    private final List<String> accounts = new ArrayList<>();
    private final long[] counters;

    private OrderWorkload(ExecutionStore store, List<String> accountKeys) {
        InMemoryAccountDirectory directory = new InMemoryAccountDirectory();
        for (String a : accountKeys) {
            directory.add(new TradingAccount(a, AccountType.CASH, USD)).activate(a, "bench",
                    new StrategyActivation(ActivationStatus.ACTIVE, false));
        }
        Map<String, Instrument> instruments = Map.of(SYMBOL, Instrument.equity(SYMBOL, USD));
        AtomicLong ids = new AtomicLong();
        boolean database = !(store instanceof InMemoryExecutionStore);
        paper = new PaperTrading(store, directory, s -> Optional.ofNullable(instruments.get(s)), BasisPointsSlippage.of("1"),
                new PerShareCommission(Money.of("0.005", USD), Money.of("1", USD)), EventSink.NONE, Clock.systemUTC(),
                database ? () -> TimeOrderedIds.next().toString() : () -> "o" + ids.incrementAndGet(), RetryPolicy.none());
        for (String a : accountKeys) {
            paper.fund(a, Money.of("100000000", USD), T0, "bench funding");
            paper.rules().add(RiskRule.onAccount("max-size-" + a, a, RuleType.MAX_POSITION_SIZE, RuleUnit.QUANTITY, "1000"));
            accounts.add(a);
        }
        paper.feed().pushQuote(SYMBOL, Price.of("499.99", USD), Price.of("500.01", USD), T0);
        counters = new long[accountKeys.size()];
    }

    /** A workload on in-memory books, with {@code lanes} accounts. */
    public static OrderWorkload inMemory(int lanes) {
        // running figures, as the database-backed store keeps accounts in memory: round trips counted, their rows stored elsewhere
        InMemoryBookKeeper books = new InMemoryBookKeeper(Books.figuresOnly(USD));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            keys.add("bench-" + i);
            books.activate("bench-" + i, "bench");
        }
        return new OrderWorkload(InMemoryExecutionStore.keepingClosed(books, 1_000), keys);
    }

    /**
     * A workload in {@code database} (migrated), with {@code lanes} accounts of a bench user, on a
     * group-commit store with {@code writers} writer threads (each with its own connection).
     */
    public static OrderWorkload inDatabase(Database database, int lanes, int writers) {
        AccountRepository repository = new AccountRepository(database.jdbi());
        UUID user = repository.findOrCreateUser("bench-" + UUID.randomUUID() + "@tradebook.local", "Benchmark");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            keys.add(repository.openAccountWithStrategies(user, "bench-" + i, "paper", "BENCH-" + UUID.randomUUID(), "CASH", "USD",
                    "bench").id().toString());
        }
        return new OrderWorkload(GroupCommitExecutionStore.exclusive(database.jdbi(), writers, 1000), keys);
    }

    /** Stops the store's writers, if it has any. */
    @Override
    public void close() throws Exception {
        if (paper.store() instanceof AutoCloseable c) {
            c.close();
        }
    }

    public int lanes() {
        return accounts.size();
    }

    /** Submits the lane's next order (buy, then sell, then buy…) and returns it; it must have filled. */
    public Order next(int lane) {
        Side side = (counters[lane]++ & 1) == 0 ? Side.BUY : Side.SELL;
        Order order = paper.engine().submit(OrderRequest.market(accounts.get(lane), "bench", SYMBOL, side, Quantity.of(1)));
        if (order.status() != OrderStatus.FILLED) {
            throw new IllegalStateException("benchmark order did not fill: " + order.status() + " " + order.message());
        }
        return order;
    }

    /** Every difference between the books and their journal, over all lanes (empty when they agree). */
    public List<String> verify() {
        List<String> differences = new ArrayList<>();
        for (String a : accounts) {
            differences.addAll(paper.store().books().verify(a));
        }
        return differences;
    }
}
