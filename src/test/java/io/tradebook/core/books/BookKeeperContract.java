package io.tradebook.core.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.BookOps.Allocate;
import io.tradebook.core.books.BookOps.Deposit;
import io.tradebook.core.books.BookOps.Op;
import io.tradebook.core.books.BookOps.Trade;
import io.tradebook.core.books.BookOps.Withdraw;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BookKeeper} keeps, run against each implementation: in memory, H2 and
 * PostgreSQL. The in-memory {@link Books} are the reference: any keeper fed the same history must
 * end with the same snapshot, and its own verification must find nothing.
 */
public abstract class BookKeeperContract {
    protected static final Currency USD = Currency.USD;
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

    /** The keeper under test. */
    protected abstract BookKeeper keeper();

    /** Opens a fresh account with activations for {@code strategies}; returns the key the keeper knows it by. */
    protected abstract String openAccount(String name, String... strategies);

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    private static Fill fill(String tradeId, String account, String strategy, String symbol, Side side, String qty, String price,
                             String fee, int minute) {
        return Fill.of(tradeId, account, strategy, symbol, side, Quantity.of(qty), Price.of(price, USD), usd(fee),
                T0.plusSeconds(60L * minute));
    }

    @Test
    void aWorkedHistoryEndsWithTheHandComputedFigures() {
        String a = openAccount("worked", "alpha", "beta");
        BookKeeper k = keeper();
        k.deposit(a, usd("10000"), T0, "initial");
        k.record(fill("1", a, "alpha", "AAPL", Side.BUY, "10", "100", "1", 1));
        k.record(fill("2", a, "alpha", "AAPL", Side.BUY, "10", "110", "1", 2));
        k.record(fill("3", a, "alpha", "AAPL", Side.SELL, "5", "120", "1", 3));
        k.record(fill("4", a, "beta", "AAPL", Side.SELL, "10", "50", "0.5", 4));
        FillResult flip = k.record(fill("5", a, "alpha", "AAPL", Side.SELL, "25", "100", "2", 5));

        assertThat(flip.closedRoundTrip().pnl()).isEqualTo(usd("-4.2")); // 72 + (100-105)*15 - 2*15/25
        AccountSnapshot s = k.snapshot(a);
        assertThat(s.cash()).isEqualTo(usd("11494.5")); // 10000 -1001 -1101 +599 +499.5 +2498
        assertThat(s.netDeposits()).isEqualTo(usd("10000"));
        AccountSnapshot.Position alpha = s.positions().get(0);
        assertThat(alpha.strategy()).isEqualTo("alpha");
        assertThat(alpha.side()).isEqualTo(PositionSide.SHORT);
        assertThat(alpha.quantity()).isEqualTo(Quantity.of(10));
        assertThat(alpha.averagePrice()).isEqualTo(Price.of("100", USD));
        assertThat(alpha.costBasis()).isEqualTo(usd("1000"));
        assertThat(alpha.realizedPnl()).isEqualTo(usd("-5")); // round trip -4.2, new short's fee share -0.8
        assertThat(alpha.fees()).isEqualTo(usd("5"));
        assertThat(alpha.roundTrips()).isEqualTo(1);
        assertThat(k.position(a, "beta", "AAPL")).isEqualTo(Quantity.of(-10));
        assertThat(k.position(a, "alpha", "AAPL")).isEqualTo(Quantity.of(-10));
        AccountSnapshot.Position beta = s.positions().get(1);
        assertThat(beta.side()).isEqualTo(PositionSide.SHORT);
        assertThat(beta.realizedPnl()).isEqualTo(usd("-0.5"));
        assertThat(k.verify(a)).isEmpty();
    }

    @Test
    void randomHistoriesEndExactlyAsTheReferenceBooks() {
        for (long seed = 1; seed <= 4; seed++) {
            List<Op> ops = randomOps(new SplittableRandom(seed), 60);
            String a = openAccount("random-" + seed, BookOps.STRATEGIES.toArray(new String[0]));
            Books reference = Books.keepingEntries(USD);
            int n = 0;
            for (Op op : ops) {
                Instant t = T0.plusSeconds(n++);
                if (op instanceof Deposit d) {
                    keeper().deposit(a, Money.of(d.amount(), USD), t, "d" + n);
                    reference.account(a).deposit(Money.of(d.amount(), USD), t, "d" + n);
                } else if (op instanceof Withdraw w) {
                    keeper().withdraw(a, Money.of(w.amount(), USD), t, "w" + n);
                    reference.account(a).withdraw(Money.of(w.amount(), USD), t, "w" + n);
                } else if (op instanceof Allocate al) {
                    keeper().allocate(a, al.strategy(), Money.of(al.amount(), USD), t);
                    reference.account(a).allocate(al.strategy(), Money.of(al.amount(), USD), t);
                } else if (op instanceof Trade tr) {
                    Fill f = Fill.of("r" + n, a, tr.strategy(), tr.symbol(), tr.side(), Quantity.of(tr.quantity()),
                            Price.of(tr.price(), USD), Money.of(tr.fee(), USD), t);
                    keeper().record(f);
                    reference.apply(f);
                }
            }
            assertThat(keeper().snapshot(a)).as("seed %d", seed).isEqualTo(reference.account(a).snapshot());
            assertThat(keeper().verify(a)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void strategiesUpAndDownOnOneTickerShowApartAndSumToTheAccount() {
        String a = openAccount("two-on-aapl", "alpha", "beta", "gamma");
        keeper().deposit(a, usd("10000"), T0, "initial");
        keeper().record(fill("a1", a, "alpha", "AAPL", Side.BUY, "10", "100", "0", 1));
        keeper().record(fill("b1", a, "beta", "AAPL", Side.BUY, "10", "120", "0", 2));
        keeper().record(fill("g1", a, "gamma", "AAPL", Side.SELL, "4", "115", "0", 3));
        AccountSnapshot s = keeper().snapshot(a);
        Map<String, Price> marks = Map.of("AAPL", Price.of("110", USD));
        Map<String, Money> byStrategy = new HashMap<>();
        for (AccountSnapshot.Position p : s.positions()) {
            byStrategy.put(p.strategy(), p.unrealizedPnl(marks.get(p.symbol())));
        }
        assertThat(byStrategy).containsEntry("alpha", usd("100")).containsEntry("beta", usd("-100")).containsEntry("gamma", usd("20"));
        assertThat(s.unrealizedPnl(marks)).isEqualTo(usd("20"));
        assertThat(s.equity(marks)).isEqualTo(usd("10020")); // 10000 - 1000 - 1200 + 460 + 20*110 - 4*110
        assertThat(s.equity(marks).minus(s.netDeposits())).isEqualTo(s.realizedPnl().plus(s.unrealizedPnl(marks)));
        assertThat(keeper().netPosition(a, "AAPL")).isEqualTo(Quantity.of(16)); // 10 + 10 - 4
        assertThat(keeper().netPosition(a, "MSFT")).isEqualTo(Quantity.ZERO);
        assertThat(s.aggregated()).containsExactly(
                new AccountSnapshot.Aggregate("AAPL", PositionSide.LONG, Quantity.of(20), usd("2200"), Price.of("110", USD)),
                new AccountSnapshot.Aggregate("AAPL", PositionSide.SHORT, Quantity.of(4), usd("460"), Price.of("115", USD)));
    }

    @Test
    void aFillIsAppliedOnceEvenIfReportedTwice() {
        String a = openAccount("dup", "s");
        Fill f = fill("same-id", a, "s", "AAPL", Side.BUY, "3", "10", "0.1", 1);
        assertThat(keeper().record(f).duplicate()).isFalse();
        assertThat(keeper().record(f).duplicate()).isTrue();
        AccountSnapshot s = keeper().snapshot(a);
        assertThat(s.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(3)));
        assertThat(s.cash()).isEqualTo(usd("-30.1"));
        assertThat(keeper().verify(a)).isEmpty();
    }

    @Test
    void aCashMovementIsRecordedOncePerReference() {
        String a = openAccount("transfers", "s");
        assertThat(keeper().deposit(a, usd("500"), T0, "wire-1")).isTrue();
        assertThat(keeper().deposit(a, usd("500"), T0, "wire-1")).isFalse();
        assertThat(keeper().withdraw(a, usd("120.25"), T0, "wire-2")).isTrue();
        assertThat(keeper().withdraw(a, usd("120.25"), T0, "wire-2")).isFalse();
        assertThat(keeper().snapshot(a).cash()).isEqualTo(usd("379.75"));
        assertThat(keeper().snapshot(a).netDeposits()).isEqualTo(usd("379.75"));
        assertThat(keeper().verify(a)).isEmpty();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String a = openAccount("bad", "s");
        keeper().deposit(a, usd("100"), T0, "initial");
        AccountSnapshot before = keeper().snapshot(a);
        assertThatThrownBy(() -> keeper().record(fill("x1", a, "nobody", "AAPL", Side.BUY, "1", "1", "0", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> keeper().record(Fill.of("x2", a, "s", "AAPL", Side.BUY, Quantity.of(1),
                Price.of("1", Currency.of("EUR")), Money.zero(Currency.of("EUR")), T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
        assertThatThrownBy(() -> keeper().withdraw(a, usd("-5"), T0, "neg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keeper().release(a, "s", usd("5"), T0)).hasMessageContaining("no allocation");
        assertThat(keeper().snapshot(a)).isEqualTo(before);
        assertThat(keeper().verify(a)).isEmpty();
    }

    @Test
    void theSharedPoolAndASegregatedBudgetWorkTogether() {
        String a = openAccount("budget", "pooled", "budgeted");
        keeper().deposit(a, usd("10000"), T0, "initial");
        keeper().allocate(a, "budgeted", usd("2500"), T0);
        keeper().record(fill("p1", a, "pooled", "MSFT", Side.BUY, "10", "400", "1", 1));
        keeper().record(fill("b1", a, "budgeted", "MSFT", Side.BUY, "5", "410", "1", 2));
        keeper().release(a, "budgeted", usd("200"), T0.plusSeconds(300));
        assertThat(keeper().snapshot(a).cash()).isEqualTo(usd("3948"));
        assertThat(keeper().cashAvailable(a, "pooled")).isEqualTo(usd("3699")); // 10000 - 2500 - 4001 + 200
        assertThat(keeper().cashAvailable(a, "budgeted")).isEqualTo(usd("249")); // 2500 - 2051 - 200
        assertThat(keeper().position(a, "pooled", "MSFT")).isEqualTo(Quantity.of(10));
        assertThat(keeper().position(a, "budgeted", "AAPL")).isEqualTo(Quantity.ZERO);
        assertThat(keeper().verify(a)).isEmpty();
    }

    @Test
    void concurrentWritersOnOneAccountLoseNothing() throws Exception {
        String a = openAccount("busy", "s1", "s2", "s3", "s4");
        keeper().deposit(a, usd("1000000"), T0, "initial");
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String strategy = "s" + (t + 1);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    keeper().record(fill(strategy + "-" + i, a, strategy, i % 2 == 0 ? "AAPL" : "MSFT",
                            i % 3 == 2 ? Side.SELL : Side.BUY, "2", "100.5", "0.25", i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        // each thread: 17 buys and 8 sells of 2 @ 100.5, 25 fees of 0.25
        BigDecimal perThreadFlow = new BigDecimal("-201").multiply(BigDecimal.valueOf(17))
                .add(new BigDecimal("201").multiply(BigDecimal.valueOf(8))).subtract(new BigDecimal("6.25"));
        Money expected = usd("1000000").plus(Money.of(perThreadFlow.multiply(BigDecimal.valueOf(threads)), USD));
        assertThat(keeper().snapshot(a).cash()).isEqualTo(expected);
        assertThat(keeper().verify(a)).isEmpty();
    }

    /** A seeded history: the same seed gives the same operations in every implementation's run. */
    static List<Op> randomOps(SplittableRandom r, int size) {
        List<Op> ops = new ArrayList<>();
        ops.add(new Deposit("A", new BigDecimal("50000")));
        Map<String, Boolean> allocated = new HashMap<>();
        for (int i = 0; i < size; i++) {
            int kind = r.nextInt(20);
            String strategy = BookOps.STRATEGIES.get(r.nextInt(BookOps.STRATEGIES.size()));
            if (kind == 0) {
                ops.add(new Deposit("A", BigDecimal.valueOf(r.nextInt(1, 100000), 2)));
            } else if (kind == 1) {
                ops.add(new Withdraw("A", BigDecimal.valueOf(r.nextInt(1, 100000), 2)));
            } else if (kind == 2 && !allocated.containsKey(strategy)) {
                allocated.put(strategy, true);
                ops.add(new Allocate("A", strategy, BigDecimal.valueOf(r.nextInt(1, 1000000), 2)));
            } else {
                BigDecimal qty = r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(1, 300))
                        : BigDecimal.valueOf(r.nextLong(1, 2_000_000_000L), 8);
                ops.add(new Trade("A", strategy, BookOps.SYMBOLS.get(r.nextInt(BookOps.SYMBOLS.size())),
                        r.nextBoolean() ? Side.BUY : Side.SELL, qty, BigDecimal.valueOf(r.nextLong(1, 50_000_000L), 4),
                        BigDecimal.valueOf(r.nextInt(0, 1000), 2), 0.5));
            }
        }
        return ops;
    }
}
