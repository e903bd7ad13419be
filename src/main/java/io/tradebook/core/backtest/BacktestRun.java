package io.tradebook.core.backtest;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.execution.ActivationStatus;
import io.tradebook.core.execution.ExecutionEngine;
import io.tradebook.core.execution.InMemoryAccountDirectory;
import io.tradebook.core.execution.InMemoryExecutionStore;
import io.tradebook.core.execution.PaperTrading;
import io.tradebook.core.execution.RetryPolicy;
import io.tradebook.core.execution.StrategyActivation;
import io.tradebook.core.execution.TradingAccount;
import io.tradebook.core.indicators.Indicator;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.ManualPriceFeed;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.Order;
import io.tradebook.core.strategies.PriceBar;
import io.tradebook.core.strategies.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run of a plan: the wiring (a simulated clock, in-memory books and store, {@link PaperTrading}
 * with the plan's commission and slippage) and the loop over time steps. Single use, one thread.
 *
 * <p>Each time step t (the bars of every symbol that has one at t, in series order):
 * <ol>
 *   <li>the clock moves to t and each bar goes to the price feed, so the paper broker matches the
 *       orders working on its symbol (they fill at t's prices: orders decided before t);</li>
 *   <li>if t is the last step of its session (a UTC day), the broker closes the session: DAY
 *       orders still working expire;</li>
 *   <li>the fills of the step are handed to their strategies ({@code onFill});</li>
 *   <li>each bar is fed to the indicators tracked on its symbol, then every strategy trading the
 *       symbol sees it ({@code onBar}); the orders they submit are for the next session and fill
 *       from the next bar of their symbol on;</li>
 *   <li>the equity of the account and of each strategy is recorded at the closes.</li>
 * </ol>
 * After the last step the strategies stop and the orders still working are cancelled.
 */
final class BacktestRun {
    /** The run's one trading account. */
    static final String ACCOUNT = "backtest";
    /** Closed orders the store keeps (for late lookups); older ones are forgotten, so memory stays bounded. */
    private static final int CLOSED_ORDERS_KEPT = 1_000;
    private static final long NANOS_PER_DAY = 86_400L * 1_000_000_000L;

    private final BacktestPlan plan;
    private final BacktestProgress progress;
    private final BarSeries[] series;
    private final Map<String, Integer> seriesIndex = new HashMap<>();
    private final SimulatedClock clock;
    private final InMemoryBookKeeper books;
    private final RecordingExecutionStore store;
    private final PaperTrading paper;
    private final ManualPriceFeed feed;
    private final EquityTracker tracker;
    private final Strategy[] strategies;
    private final BacktestContext[] contexts;
    private final Map<String, Integer> strategyIndex = new HashMap<>();
    /** For each series, the strategies trading it, in plan order. */
    private final int[][] tradedBy;
    /** For each series, the indicators tracked on it. */
    private final List<List<Indicator>> tracked = new ArrayList<>();
    /** For each series, the index of its latest bar so far, or -1 before its first. */
    private final int[] latest;
    private final Consumer<Fill> fillHandler = this::deliver;

    BacktestRun(BacktestPlan plan, BacktestProgress progress) {
        this.plan = plan;
        this.progress = progress;
        this.series = plan.series().toArray(new BarSeries[0]);
        Instant start = series[0].first();
        Map<String, Instrument> instruments = new HashMap<>();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            seriesIndex.put(series[i].symbol(), i);
            instruments.put(series[i].symbol(), series[i].instrument());
            symbols.add(series[i].symbol());
            tracked.add(new ArrayList<>());
            start = series[i].first().isBefore(start) ? series[i].first() : start;
        }
        latest = new int[series.length];
        Arrays.fill(latest, -1);
        Currency currency = plan.settings().cash().currency();
        clock = new SimulatedClock(start);
        books = new InMemoryBookKeeper(Books.balancesOnly(currency));
        List<StrategyInstance> instances = plan.strategies();
        books.activate(ACCOUNT, instances.stream().map(StrategyInstance::name).toArray(String[]::new));
        store = new RecordingExecutionStore(InMemoryExecutionStore.keepingClosed(books, CLOSED_ORDERS_KEPT));
        InMemoryAccountDirectory directory = new InMemoryAccountDirectory()
                .add(new TradingAccount(ACCOUNT, plan.settings().accountType(), currency));
        for (StrategyInstance s : instances) {
            directory.activate(ACCOUNT, s.name(), new StrategyActivation(ActivationStatus.ACTIVE, s.budget() != null));
        }
        long[] orderIds = {0};
        paper = new PaperTrading(store, directory, symbol -> Optional.ofNullable(instruments.get(symbol)), plan.settings().slippage(),
                plan.settings().commission(), EventSink.NONE, clock, () -> "o" + ++orderIds[0], RetryPolicy.none());
        feed = paper.feed();
        paper.fund(ACCOUNT, plan.settings().cash(), start, "starting cash");
        Map<String, Money> capital = plan.capital();
        for (StrategyInstance s : instances) {
            if (s.budget() != null) {
                books.allocate(ACCOUNT, s.name(), capital.get(s.name()), start);
            }
        }
        tracker = new EquityTracker(books.books().account(ACCOUNT), instances.stream().map(StrategyInstance::name).toList(),
                List.copyOf(capital.values()), symbols, (int) Math.min(Integer.MAX_VALUE - 8, plan.bars()));
        strategies = new Strategy[instances.size()];
        contexts = new BacktestContext[instances.size()];
        List<List<Integer>> traders = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            traders.add(new ArrayList<>());
        }
        for (int k = 0; k < instances.size(); k++) {
            StrategyInstance s = instances.get(k);
            strategyIndex.put(s.name(), k);
            List<String> traded = plan.symbolsOf(s);
            contexts[k] = new BacktestContext(this, k, s, traded);
            strategies[k] = s.definition().create(s.parameters());
            for (String symbol : traded) {
                traders.get(seriesIndex.get(symbol)).add(k);
            }
        }
        tradedBy = new int[series.length][];
        for (int i = 0; i < series.length; i++) {
            tradedBy[i] = traders.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    BacktestResult run() {
        for (int k = 0; k < strategies.length; k++) {
            strategies[k].onStart(contexts[k]);
        }
        int n = series.length;
        int[] cursor = new int[n];
        int[] step = new int[n];
        long total = plan.bars();
        long done = 0;
        long reportEvery = Math.max(1, total / 1000);
        long nextReport = reportEvery;
        long steps = 0;
        long next = nextTime(cursor);
        while (next != Long.MAX_VALUE) {
            long now = next;
            Instant t = null;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (cursor[i] < series[i].size() && series[i].nanos(cursor[i]) == now) {
                    PriceBar bar = series[i].bar(cursor[i]);
                    if (t == null) {
                        t = bar.time();
                        clock.set(t);
                    }
                    step[count++] = i;
                    feed.pushBar(bar.bar());
                }
            }
            for (int j = 0; j < count; j++) {
                int i = step[j];
                tracker.mark(i, series[i], cursor[i]);
                latest[i] = cursor[i];
                cursor[i]++;
            }
            next = nextTime(cursor);
            if (next == Long.MAX_VALUE || day(next) != day(now)) {
                paper.broker().closeSession(t);
            }
            deliverFills();
            for (int j = 0; j < count; j++) {
                int i = step[j];
                PriceBar bar = series[i].bar(cursor[i] - 1);
                List<Indicator> indicators = tracked.get(i);
                for (int x = 0; x < indicators.size(); x++) {
                    indicators.get(x).update(bar.high(), bar.low(), bar.close());
                }
                for (int k : tradedBy[i]) {
                    strategies[k].onBar(contexts[k], bar);
                }
            }
            deliverFills();
            tracker.record(t);
            steps++;
            done += count;
            if (done >= nextReport) {
                progress.advanced(done, total);
                nextReport = done + reportEvery;
            }
        }
        for (int k = 0; k < strategies.length; k++) {
            strategies[k].onStop(contexts[k]);
        }
        long cancelledAtEnd = 0;
        for (Order open : paper.engine().openOrders(ACCOUNT)) {
            paper.engine().cancel(open.id());
            cancelledAtEnd++;
        }
        deliverFills();
        progress.advanced(total, total);
        Instant start = series[0].first();
        Instant end = series[0].last();
        for (BarSeries s : series) {
            start = s.first().isBefore(start) ? s.first() : start;
            end = s.last().isAfter(end) ? s.last() : end;
        }
        return new BacktestResult(plan, start, end, total, steps, tracker.finish(plan.settings().metrics()), store.fills(),
                store.counts(cancelledAtEnd), store.rejected(), books.verify(ACCOUNT));
    }

    /** Hands the fills booked since the last call to their strategies; the books changed. */
    private void deliverFills() {
        store.deliverFills(fillHandler);
    }

    private void deliver(Fill fill) {
        tracker.changed();
        int k = strategyIndex.get(fill.strategy());
        strategies[k].onFill(contexts[k], fill);
    }

    /** The earliest time (epoch nanoseconds) of the next bar of any series, or {@code Long.MAX_VALUE} when every series is done. */
    private long nextTime(int[] cursor) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < series.length; i++) {
            if (cursor[i] < series[i].size()) {
                next = Math.min(next, series[i].nanos(cursor[i]));
            }
        }
        return next;
    }

    /** The UTC day of a time in epoch nanoseconds. */
    private static long day(long epochNanos) {
        return Math.floorDiv(epochNanos, NANOS_PER_DAY);
    }

    SimulatedClock clock() {
        return clock;
    }

    InMemoryBookKeeper books() {
        return books;
    }

    EquityTracker tracker() {
        return tracker;
    }

    ExecutionEngine engine() {
        return paper.engine();
    }

    Instrument instrument(String symbol) {
        return series[seriesIndex.get(symbol)].instrument();
    }

    Optional<Price> lastPrice(String symbol) {
        int i = seriesIndex.get(symbol);
        return latest[i] < 0 ? Optional.empty() : Optional.of(series[i].bar(latest[i]).closePrice());
    }

    void track(String symbol, Indicator indicator) {
        tracked.get(seriesIndex.get(symbol)).add(indicator);
    }
}
