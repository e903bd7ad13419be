package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.execution.paper.NoSlippage;
import io.tradebook.core.execution.paper.PerShareCommission;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole order path (engine, rule-based risk, paper broker, store and books) on worked price
 * paths, run against each store. After every path the books verify clean and agree with the paper
 * broker's own account. Commission: 0.01 per share, at least 1 per order; no slippage.
 */
public abstract class OrderPathContract {
    protected static final Currency USD = Currency.USD;
    private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");

    protected PaperTrading paper;
    protected String account;

    /** A fresh store. */
    protected abstract ExecutionStore newStore();

    /** Creates the account (and the strategies' activations) where the store keeps them; returns its key. */
    protected abstract String openAccount(ExecutionStore store, String... strategies);

    /** Where notifications, log entries and risk events go; called after {@link #openAccount}. */
    protected io.tradebook.core.events.EventSink eventSink() {
        return new RecordingEventSink();
    }

    @BeforeEach
    void wire() {
        ExecutionStore store = newStore();
        account = openAccount(store, "alpha", "beta", "gamma", "delta");
        InMemoryAccountDirectory directory = new InMemoryAccountDirectory().add(new TradingAccount(account, AccountType.CASH, USD));
        for (String s : List.of("alpha", "beta", "gamma", "delta")) {
            directory.activate(account, s, new StrategyActivation(ActivationStatus.ACTIVE, false));
        }
        Map<String, Instrument> instruments = Map.of("AAPL", Instrument.equity("AAPL", USD), "MSFT", Instrument.equity("MSFT", USD));
        paper = new PaperTrading(store, directory, s -> Optional.ofNullable(instruments.get(s)), new NoSlippage(),
                new PerShareCommission(Money.of("0.01", USD), Money.of("1", USD)), eventSink(), Clock.fixed(T0, ZoneOffset.UTC),
                () -> UUID.randomUUID().toString(), RetryPolicy.none());
        paper.fund(account, Money.of("10000", USD), T0, "initial");
    }

    private static Price p(String value) {
        return Price.of(value, USD);
    }

    protected Order submit(String strategy, Side side, OrderType type, String qty, String limit, String stop, TimeInForce tif) {
        return paper.engine().submit(new OrderRequest(account, strategy, null, "AAPL", side, type, tif, Quantity.of(qty),
                limit == null ? null : p(limit), stop == null ? null : p(stop), null));
    }

    private Order order(Order o) {
        return paper.engine().find(o.id()).orElseThrow();
    }

    private void assertBooksAgreeWithTheBroker() {
        assertThat(paper.store().books().verify(account)).isEmpty();
        ReconciliationReport report = new Reconciliation(paper.store().books(), paper.broker(), Clock.systemUTC()).reconcile(account);
        assertThat(report.outcome()).as(report.toString()).isEqualTo(ReconciliationReport.Outcome.MATCHED);
    }

    @Test
    void aMarketBuyFillsAtOnceAtTheAsk() {
        paper.feed().pushQuote("AAPL", p("99.9"), p("100.1"), T0);
        Order o = submit("alpha", Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.DAY);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.averageFillPrice()).isEqualTo(p("100.1"));
        assertThat(paper.store().books().snapshot(account).cash()).isEqualTo(Money.of("8998", USD)); // 10000 - 1001 - 1
        assertBooksAgreeWithTheBroker();
    }

    @Test
    void aLimitBuyRestsThenFillsAtTheLimitOrBetterWhenTradedThrough() {
        paper.feed().push("AAPL", p("100"), T0);
        Order o = submit("alpha", Side.BUY, OrderType.LIMIT, "10", "99", null, TimeInForce.GTC);
        assertThat(o.status()).isEqualTo(OrderStatus.PLACED);
        paper.feed().push("AAPL", p("99.5"), T0.plusSeconds(1));
        assertThat(order(o).status()).isEqualTo(OrderStatus.PLACED);
        paper.feed().push("AAPL", p("98.7"), T0.plusSeconds(2));
        assertThat(order(o).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order(o).averageFillPrice()).isEqualTo(p("98.7"));
        assertThat(order(o).reserved().isZero()).isTrue();
        assertBooksAgreeWithTheBroker();
    }

    @Test
    void aStopGappedThroughFillsAtTheGapPriceNotTheStop() {
        paper.feed().push("AAPL", p("100"), T0);
        submit("alpha", Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.DAY);
        Order stop = submit("alpha", Side.SELL, OrderType.STOP_LOSS, "10", null, "95", TimeInForce.GTC);
        assertThat(stop.status()).isEqualTo(OrderStatus.PLACED);
        paper.feed().push("AAPL", p("97"), T0.plusSeconds(1));
        assertThat(order(stop).status()).isEqualTo(OrderStatus.PLACED);
        paper.feed().push("AAPL", p("92"), T0.plusSeconds(2));
        assertThat(order(stop).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order(stop).averageFillPrice()).isEqualTo(p("92"));
        // bought 10 @ 100, sold 10 @ 92, two fees of 1
        assertThat(paper.store().books().snapshot(account).realizedPnl()).isEqualTo(Money.of("-82", USD));
        assertBooksAgreeWithTheBroker();
    }

    @Test
    void aDayOrderExpiresAtTheCloseAndGivesItsCashBack() {
        paper.feed().push("AAPL", p("100"), T0);
        Order day = submit("alpha", Side.BUY, OrderType.LIMIT, "90", "95", null, TimeInForce.DAY); // holds 8550 + 1
        Order refused = submit("beta", Side.BUY, OrderType.LIMIT, "20", "95", null, TimeInForce.DAY);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
        paper.broker().closeSession(T0.plusSeconds(23_400));
        assertThat(order(day).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(submit("beta", Side.BUY, OrderType.LIMIT, "20", "95", null, TimeInForce.DAY).status()).isEqualTo(OrderStatus.PLACED);
        assertBooksAgreeWithTheBroker();
    }

    @Test
    void onBarsAnOrderFillsOnTheNextBarsOpenNeverOnTheBarItSaw() {
        Quantity volume = Quantity.of(1_000_000);
        paper.feed().pushBar(new Bar("AAPL", T0, p("100"), p("106"), p("99"), p("105"), volume));
        Order o = submit("alpha", Side.BUY, OrderType.MARKET, "10", null, null, TimeInForce.GTC);
        assertThat(o.status()).isEqualTo(OrderStatus.PLACED);
        paper.feed().pushBar(new Bar("AAPL", T0.plusSeconds(86_400), p("107"), p("108"), p("104"), p("104.5"), volume));
        assertThat(order(o).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order(o).averageFillPrice()).isEqualTo(p("107"));
        assertBooksAgreeWithTheBroker();
    }

    @Test
    void manyThreadsOnOneCashAccountNeverOverspend() throws Exception {
        paper.feed().push("AAPL", p("100"), T0);
        int threads = 4;
        int perThread = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Order>>> results = new ArrayList<>();
        List<String> strategies = List.of("alpha", "beta", "gamma", "delta");
        for (int t = 0; t < threads; t++) {
            String strategy = strategies.get(t);
            results.add(pool.submit(() -> {
                start.await();
                List<Order> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(submit(strategy, i % 4 == 3 ? Side.SELL : Side.BUY, OrderType.MARKET, "3", null, null, TimeInForce.DAY));
                }
                return mine;
            }));
        }
        Future<?> prices = pool.submit(() -> {
            start.await();
            for (int i = 0; i < 60; i++) {
                paper.feed().push("AAPL", p(i % 2 == 0 ? "101" : "99"), T0.plusSeconds(i));
            }
            return null;
        });
        start.countDown();
        List<Order> all = new ArrayList<>();
        for (Future<List<Order>> f : results) {
            all.addAll(f.get(2, TimeUnit.MINUTES));
        }
        prices.get(2, TimeUnit.MINUTES);
        pool.shutdown();
        // a submit may return PLACED while another thread is still delivering its account's fills; all are delivered by now
        all.replaceAll(this::order);
        assertThat(all).allSatisfy(o -> assertThat(o.status()).isIn(OrderStatus.FILLED, OrderStatus.REJECTED));
        assertThat(all).filteredOn(o -> o.status() == OrderStatus.REJECTED)
                .allSatisfy(o -> assertThat(o.rejectReason()).isIn(RejectReason.INSUFFICIENT_BUYING_POWER,
                        RejectReason.SHORT_SELLING_NOT_ALLOWED));
        assertThat(all).filteredOn(o -> o.status() == OrderStatus.REJECTED && o.rejectReason() == RejectReason.INSUFFICIENT_BUYING_POWER)
                .isNotEmpty(); // 4 x 22 buys of 3 at ~100 would need about 26,400: the cash must run out
        assertThat(paper.store().books().snapshot(account).cash().isNegative()).isFalse();
        assertBooksAgreeWithTheBroker();
    }
}
