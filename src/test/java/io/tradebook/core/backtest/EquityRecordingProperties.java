package io.tradebook.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.analytics.EquityCurve;
import io.tradebook.core.analytics.PerformanceRecorder;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.Fill;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.paper.BasisPointsCommission;
import io.tradebook.core.execution.paper.BasisPointsSlippage;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.strategies.StrategyDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * On random runs (random prices with 2 to 6 decimals, an equity and a crypto pair with their own
 * gaps, three random traders on a MARGIN account, two with budgets, commission in basis points so
 * cash carries many decimals): the run's compact equity curves equal, point for point, what
 * {@link PerformanceRecorder} records when the run's fills are replayed into fresh books at the
 * same closes; the metrics and round trips are the same; the books agree with their journal; and
 * the strategies' P&L adds up to the account's at every point.
 */
class EquityRecordingProperties {
    static final Currency USD = Currency.USD;
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Property(tries = 25)
    void theCompactCurvesAreWhatThePerformanceRecorderRecords(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        BacktestPlan plan = randomPlan(seed);
        BacktestResult result = Backtest.run(plan);
        assertThat(result.bookDifferences()).isEmpty();

        RunPerformance replayed = replay(plan, result);
        assertSame(result.performance().run(), replayed.run());
        for (PerformanceSummary s : replayed.strategies()) {
            assertSame(result.strategy(s.name()), s);
        }
        EquityCurve account = result.performance().run().curve();
        Map<String, Money> capital = plan.capital();
        for (int i = 0; i < account.size(); i++) {
            BigDecimal pnl = BigDecimal.ZERO;
            for (PerformanceSummary s : result.performance().strategies()) {
                pnl = pnl.add(s.curve().equity(i)).subtract(capital.get(s.name()).amount());
            }
            assertThat(pnl).isEqualByComparingTo(account.equity(i).subtract(plan.settings().cash().amount()));
        }
    }

    private static void assertSame(PerformanceSummary actual, PerformanceSummary expected) {
        assertThat(actual.curve().size()).isEqualTo(expected.curve().size());
        for (int i = 0; i < expected.curve().size(); i++) {
            assertThat(actual.curve().time(i)).isEqualTo(expected.curve().time(i));
            assertThat(actual.curve().equity(i)).as("%s at %s", expected.name(), expected.curve().time(i))
                    .isEqualByComparingTo(expected.curve().equity(i));
        }
        assertThat(actual.metrics()).isEqualTo(expected.metrics());
        assertThat(actual.roundTrips()).isEqualTo(expected.roundTrips());
    }

    /** The run's fills booked again step by step into fresh books, measured by the analytics' own recorder. */
    private static RunPerformance replay(BacktestPlan plan, BacktestResult result) {
        AccountBook book = AccountBook.open(BacktestRun.ACCOUNT, USD);
        Instant first = result.start();
        book.deposit(plan.settings().cash(), first, "starting cash");
        Map<String, Money> capital = plan.capital();
        for (StrategyInstance s : plan.strategies()) {
            if (s.budget() != null) {
                book.allocate(s.name(), capital.get(s.name()), first);
            }
        }
        PerformanceRecorder recorder = new PerformanceRecorder(USD, capital);
        Map<String, Price> marks = new HashMap<>();
        Map<String, Integer> cursor = new HashMap<>();
        int fill = 0;
        List<Fill> fills = result.fills();
        EquityCurve times = result.performance().run().curve();
        for (int i = 0; i < times.size(); i++) {
            Instant t = times.time(i);
            while (fill < fills.size() && !fills.get(fill).time().isAfter(t)) {
                book.apply(fills.get(fill++));
            }
            for (BarSeries s : plan.series()) {
                int c = cursor.getOrDefault(s.symbol(), 0);
                while (c < s.size() && !s.bar(c).time().isAfter(t)) {
                    marks.put(s.symbol(), s.bar(c).closePrice());
                    c++;
                }
                cursor.put(s.symbol(), c);
            }
            recorder.record(t, book, marks);
        }
        assertThat(fill).isEqualTo(fills.size());
        return recorder.finish(book, plan.settings().metrics());
    }

    static BacktestPlan randomPlan(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BarSeries equity = BarSeries.atDataPrecision(Instrument.equity("EQ", USD), walk(random, "EQ", 2 + random.nextInt(5), 100, 1440));
        BarSeries crypto = BarSeries.atDataPrecision(Instrument.crypto("CRY", USD), walk(random, "CRY", 2, 20_000, 360));
        StrategyDefinition trader = RandomTrader.DEFINITION;
        List<StrategyInstance> strategies = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            StrategyInstance s = StrategyInstance.of(trader).named("trader-" + k).withParameters(trader.metadata().parameters(
                    Map.of("seed", Long.toString(random.nextLong(1, Long.MAX_VALUE)), "activity", Integer.toString(10 + random.nextInt(40)))));
            strategies.add(k == 0 ? s : s.withBudget(new BigDecimal(k == 1 ? "0.3" : "0.25")));
        }
        return new BacktestPlan(List.of(equity, crypto), strategies, BacktestSettings.of(Money.of("100000", USD))
                .withAccountType(AccountType.MARGIN).withCommission(new BasisPointsCommission(new BigDecimal("1.5")))
                .withSlippage(new BasisPointsSlippage(new BigDecimal("3"))));
    }

    /** About 150 bars every {@code minutes} minutes with random gaps, a random walk of prices with {@code decimals} decimals. */
    private static List<Bar> walk(SplittableRandom random, String symbol, int decimals, long startPrice, int minutes) {
        List<Bar> bars = new ArrayList<>();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        long price = startPrice * (long) Math.pow(10, decimals);
        Instant t = START.plusSeconds(60L * minutes * random.nextInt(3));
        for (int i = 0; i < 150; i++) {
            long open = price;
            long high = open;
            long low = open;
            for (int s = 0; s < 3; s++) {
                price = Math.max(unit.movePointRight(decimals).longValue(), price + (random.nextLong(-20, 21) * price / 1000));
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            bars.add(new Bar(symbol, t, px(open, decimals), px(high, decimals), px(low, decimals), px(price, decimals), Quantity.of(1_000_000)));
            t = t.plusSeconds(60L * minutes * (1 + (random.nextInt(8) == 0 ? random.nextInt(3) : 0)));
        }
        return bars;
    }

    private static Price px(long unscaled, int decimals) {
        return Price.of(BigDecimal.valueOf(unscaled, decimals).setScale(decimals, RoundingMode.UNNECESSARY), USD);
    }
}
