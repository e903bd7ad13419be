package io.tradebook.core.backtest;

import io.tradebook.core.analytics.EquityCurve;
import io.tradebook.core.analytics.Exposure;
import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.analytics.PerformanceRecorder;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.analytics.StrategyEquity;
import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.books.StrategyPosition;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a run's equity curves, one point per time step, for the account (book 0) and each
 * strategy (book k), by the conventions of {@link StrategyEquity} and {@code docs/metrics.md}, at
 * a cost per bar that does not depend on the size of the books.
 *
 * <p>A book's equity is {@code base + Σ position_i × close_i}: for the account, its cash and its net
 * positions; for a strategy, its capital plus its realized P&L minus the signed cost basis of its
 * open holdings, and its positions (so that {@code position × close − cost} is the unrealized
 * P&L). The base and the positions change only with fills, so they are read from the books only
 * after a fill ({@link #changed}); each step then adds position × close for the symbols held, in
 * exact {@code long} arithmetic on unscaled decimals ({@link CompactDecimal}), falling back to
 * {@code BigDecimal} for a point whose numbers do not fit. Points go into the curves in their
 * compact form ({@link EquityCurve.Builder#append(long, int, long, int)}): nothing is allocated per
 * bar. Everything is exact: the curves equal what {@link PerformanceRecorder} records from the same books and closes.
 *
 * <p>Mutable, not thread-safe: one run drives it from one thread.
 */
final class EquityTracker {
    private final AccountBook book;
    private final Currency currency;
    private final String[] strategies;
    private final BigDecimal[] capital;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private final int books;
    private final int symbols;

    private final BarSeries[] markSeries;
    private final int[] markBar;
    private final long[] markUnscaled;
    private final int[] markScale;

    private final BigDecimal[] base;
    private final long[] baseUnscaled;
    private final int[] baseScale;
    private final BigDecimal[][] quantity;
    private final long[][] quantityUnscaled;
    private final int[][] quantityScale;
    private final int[][] held;
    private final int[] heldCount;
    private final boolean[] holds;
    private final long[] barsHeld;
    private boolean changed = true;

    private final EquityCurve.Builder[] curves;
    private int size;

    /**
     * @param strategyNames the strategies' names, in plan order (book k + 1 is strategy k)
     * @param strategyCapital each strategy's capital, in the same order
     * @param symbolNames the run's symbols, in series order
     * @param capacity the number of points expected (the arrays grow beyond it if needed)
     */
    EquityTracker(AccountBook book, List<String> strategyNames, List<Money> strategyCapital, List<String> symbolNames, int capacity) {
        this.book = book;
        this.currency = book.currency();
        this.strategies = strategyNames.toArray(new String[0]);
        this.capital = strategyCapital.stream().map(Money::amount).toArray(BigDecimal[]::new);
        this.books = strategies.length + 1;
        this.symbols = symbolNames.size();
        for (int i = 0; i < symbols; i++) {
            symbolIndex.put(symbolNames.get(i), i);
        }
        markSeries = new BarSeries[symbols];
        markBar = new int[symbols];
        markUnscaled = new long[symbols];
        markScale = new int[symbols];
        base = new BigDecimal[books];
        baseUnscaled = new long[books];
        baseScale = new int[books];
        quantity = new BigDecimal[books][symbols];
        quantityUnscaled = new long[books][symbols];
        quantityScale = new int[books][symbols];
        held = new int[books][symbols];
        heldCount = new int[books];
        holds = new boolean[books];
        barsHeld = new long[books];
        curves = new EquityCurve.Builder[books];
        for (int b = 0; b < books; b++) {
            curves[b] = EquityCurve.builder(currency, capacity);
        }
    }

    /** The close of symbol {@code i} is now bar {@code bar} of {@code series} (its exact value is read only when needed). */
    void mark(int i, BarSeries series, int bar) {
        markSeries[i] = series;
        markBar[i] = bar;
        markScale[i] = series.closeScale(bar);
        markUnscaled[i] = series.closeUnscaled(bar);
    }

    /** The books changed (a fill): read the bases and positions again before the next point. */
    void changed() {
        changed = true;
    }

    /** Appends the point of {@code time}: every book's equity at the current closes. */
    void record(Instant time) {
        refresh();
        long second = time.getEpochSecond();
        int nano = time.getNano();
        for (int b = 0; b < books; b++) {
            if (holds[b]) {
                barsHeld[b]++;
            }
            if (!recordCompact(b, second, nano)) {
                curves[b].append(time, exactEquity(b));
            }
        }
        size++;
    }

    /** Appends book {@code b}'s point in compact form; false when a number does not fit. */
    private boolean recordCompact(int b, long second, int nano) {
        long u = baseUnscaled[b];
        int s = baseScale[b];
        if (s < 0) {
            return false;
        }
        int[] symbolsHeld = held[b];
        for (int j = 0; j < heldCount[b]; j++) {
            int i = symbolsHeld[j];
            int qs = quantityScale[b][i];
            int ms = markScale[i];
            if (qs < 0 || ms < 0) {
                return false;
            }
            long term = CompactDecimal.multiply(quantityUnscaled[b][i], markUnscaled[i]);
            int ts = qs + ms;
            if (term == CompactDecimal.OVERFLOW) {
                return false;
            }
            if (ts > s) {
                u = CompactDecimal.rescale(u, s, ts);
                s = ts;
            } else {
                term = CompactDecimal.rescale(term, ts, s);
            }
            if (u == CompactDecimal.OVERFLOW || term == CompactDecimal.OVERFLOW) {
                return false;
            }
            u = CompactDecimal.add(u, term);
            if (u == CompactDecimal.OVERFLOW) {
                return false;
            }
        }
        if (s > Byte.MAX_VALUE) {
            return false;
        }
        curves[b].append(second, nano, u, s);
        return true;
    }

    /** Book {@code b}'s exact equity at the current closes (0: the account; k: strategy k − 1). */
    BigDecimal exactEquity(int b) {
        refresh();
        BigDecimal equity = base[b];
        for (int j = 0; j < heldCount[b]; j++) {
            int i = held[b][j];
            if (markSeries[i] == null) {
                throw new IllegalStateException("a position in a symbol without a close yet");
            }
            equity = equity.add(quantity[b][i].multiply(markSeries[i].bar(markBar[i]).closePrice().value()));
        }
        return equity;
    }

    /** Strategy {@code k}'s exact equity now, as money. */
    Money strategyEquity(int k) {
        return Money.of(exactEquity(k + 1), currency);
    }

    /** Reads every book's base and positions from the books, if a fill changed them. */
    private void refresh() {
        if (!changed) {
            return;
        }
        changed = false;
        set(0, book.cash().amount());
        for (int i = 0; i < symbols; i++) {
            quantity[0][i] = BigDecimal.ZERO;
        }
        boolean any = false;
        for (int k = 0; k < strategies.length; k++) {
            int b = k + 1;
            BigDecimal value = capital[k];
            Arrays.fill(quantity[b], BigDecimal.ZERO);
            for (StrategyPosition p : book.positionsOf(strategies[k])) {
                value = value.add(p.realizedPnl().amount()).subtract(p.signedCostBasis().amount());
                int i = indexOf(p.symbol());
                quantity[b][i] = p.signedQuantity().value();
                quantity[0][i] = quantity[0][i].add(quantity[b][i]);
            }
            set(b, value);
            holds[b] = StrategyEquity.holds(book, strategies[k]);
            any |= holds[b];
        }
        holds[0] = any;
        for (int b = 0; b < books; b++) {
            heldCount[b] = 0;
            for (int i = 0; i < symbols; i++) {
                BigDecimal q = quantity[b][i];
                if (q.signum() != 0) {
                    held[b][heldCount[b]++] = i;
                }
                boolean fits = CompactDecimal.fits(q);
                quantityScale[b][i] = fits ? CompactDecimal.scale(q) : -1;
                quantityUnscaled[b][i] = fits ? CompactDecimal.unscaled(q) : 0;
            }
        }
    }

    private void set(int b, BigDecimal value) {
        base[b] = value;
        boolean fits = CompactDecimal.fits(value);
        baseScale[b] = fits ? CompactDecimal.scale(value) : -1;
        baseUnscaled[b] = fits ? CompactDecimal.unscaled(value) : 0;
    }

    private int indexOf(String symbol) {
        Integer i = symbolIndex.get(symbol);
        if (i == null) {
            throw new IllegalStateException("the books hold " + symbol + ", which is not in the run");
        }
        return i;
    }

    /** Points recorded so far. */
    int size() {
        return size;
    }

    /** Every book's curve so far: the account's, then each strategy's. */
    List<EquityCurve> curves() {
        List<EquityCurve> built = new ArrayList<>();
        for (EquityCurve.Builder c : curves) {
            built.add(c.build());
        }
        return built;
    }

    /**
     * The run's performance: the account's summary (named {@value PerformanceRecorder#RUN}) and
     * one per strategy, as {@link PerformanceRecorder#finish} measures them. Refuses a run without
     * a point.
     */
    RunPerformance finish(MetricSettings settings) {
        if (size == 0) {
            throw new IllegalStateException("no point was recorded");
        }
        List<EquityCurve> curves = curves();
        PerformanceSummary run = PerformanceSummary.of(PerformanceRecorder.RUN, curves.get(0), book.roundTrips(),
                new Exposure(barsHeld[0], size), settings);
        List<PerformanceSummary> perStrategy = new ArrayList<>();
        for (int k = 0; k < strategies.length; k++) {
            List<RoundTrip> trips = new ArrayList<>();
            book.positionsOf(strategies[k]).forEach(p -> trips.addAll(p.roundTrips()));
            perStrategy.add(PerformanceSummary.of(strategies[k], curves.get(k + 1), trips, new Exposure(barsHeld[k + 1], size), settings));
        }
        return new RunPerformance(run, perStrategy);
    }
}
