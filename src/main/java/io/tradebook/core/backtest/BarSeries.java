package io.tradebook.core.backtest;

import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Price;
import io.tradebook.core.strategies.PriceBar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One instrument's bars for a run, in strictly increasing time, prepared before the run: each bar
 * as the strategies read it ({@link PriceBar}) and its close in the compact form the equity
 * recording uses. Immutable; safe to share between runs on several threads (a grid search).
 *
 * <p>Refuses an empty series, a bar of another symbol or another currency than the instrument's,
 * and times that do not strictly increase.
 */
public final class BarSeries {
    private final Instrument instrument;
    private final PriceBar[] bars;
    private final long[] closeUnscaled;
    private final byte[] closeScale;
    /** Each bar's time as nanoseconds since the epoch, for cheap comparisons in the run's loop. */
    private final long[] nanos;

    private BarSeries(Instrument instrument, PriceBar[] bars, long[] closeUnscaled, byte[] closeScale, long[] nanos) {
        this.instrument = instrument;
        this.bars = bars;
        this.closeUnscaled = closeUnscaled;
        this.closeScale = closeScale;
        this.nanos = nanos;
    }

    public static BarSeries of(Instrument instrument, List<Bar> bars) {
        Objects.requireNonNull(instrument, "instrument");
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars of " + instrument.symbol());
        }
        PriceBar[] prepared = new PriceBar[bars.size()];
        long[] unscaled = new long[bars.size()];
        byte[] scales = new byte[bars.size()];
        long[] times = new long[bars.size()];
        Instant previous = null;
        for (int i = 0; i < prepared.length; i++) {
            Bar bar = bars.get(i);
            if (!bar.symbol().equals(instrument.symbol())) {
                throw new IllegalArgumentException("a bar of " + bar.symbol() + " among the bars of " + instrument.symbol());
            }
            if (bar.close().currency() != instrument.currency()) {
                throw new IllegalArgumentException("bar of " + bar.symbol() + " at " + bar.time() + " is in " + bar.close().currency()
                        + "; " + instrument.symbol() + " trades in " + instrument.currency());
            }
            if (previous != null && !bar.time().isAfter(previous)) {
                throw new IllegalArgumentException("bars of " + instrument.symbol() + " are not in strictly increasing time: "
                        + bar.time() + " after " + previous);
            }
            previous = bar.time();
            times[i] = epochNanos(bar.time());
            prepared[i] = PriceBar.of(bar);
            BigDecimal close = bar.close().value();
            if (CompactDecimal.fits(close)) {
                unscaled[i] = CompactDecimal.unscaled(close);
                scales[i] = (byte) CompactDecimal.scale(close);
            } else {
                scales[i] = -1;
            }
        }
        return new BarSeries(instrument, prepared, unscaled, scales, times);
    }

    /** {@code time} as nanoseconds since the epoch; refuses a time outside about 1677–2262. */
    private static long epochNanos(Instant time) {
        try {
            return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bar time " + time + " is outside the years a backtest can run (1677 to 2262)", e);
        }
    }

    /**
     * A series whose instrument can fill at the data's own prices: the instrument as given when
     * every open, high, low and close is a multiple of its tick, else the same instrument with the
     * tick of the data's precision ({@code 10^-d}, d the most decimals of any of those prices). A
     * fill at a bar's open is then exactly the open (before slippage), never rounded to a tick the
     * data does not keep (the bundled S&P 500 closes have 6 decimals, an index's tick is 0.01).
     * Refuses what {@link #of} refuses.
     */
    public static BarSeries atDataPrecision(Instrument instrument, List<Bar> bars) {
        int decimals = 0;
        boolean offTick = false;
        for (Bar bar : bars) {
            for (Price p : new Price[] {bar.open(), bar.high(), bar.low(), bar.close()}) {
                BigDecimal v = p.value();
                offTick |= v.remainder(instrument.tickSize()).signum() != 0;
                decimals = Math.max(decimals, v.signum() == 0 ? 0 : v.stripTrailingZeros().scale());
            }
        }
        if (!offTick) {
            return of(instrument, bars);
        }
        Instrument refined = new Instrument(instrument.symbol(), instrument.type(), instrument.currency(),
                BigDecimal.ONE.movePointLeft(decimals), instrument.lotSize(), instrument.minQuantity(), instrument.shortable());
        return of(refined, bars);
    }

    /**
     * The bars from {@code from} (inclusive) until {@code until} (exclusive); either may be null for
     * no bound. Refuses a range with no bar, naming the series' own first and last times.
     */
    public BarSeries between(Instant from, Instant until) {
        int start = 0;
        int end = bars.length;
        while (start < end && from != null && bars[start].time().isBefore(from)) {
            start++;
        }
        while (end > start && until != null && !bars[end - 1].time().isBefore(until)) {
            end--;
        }
        if (start == end) {
            throw new IllegalArgumentException("no bar of " + symbol() + " in the period asked for; its bars run from " + first()
                    + " to " + last());
        }
        if (start == 0 && end == bars.length) {
            return this;
        }
        return new BarSeries(instrument, Arrays.copyOfRange(bars, start, end), Arrays.copyOfRange(closeUnscaled, start, end),
                Arrays.copyOfRange(closeScale, start, end), Arrays.copyOfRange(nanos, start, end));
    }

    public Instrument instrument() {
        return instrument;
    }

    public String symbol() {
        return instrument.symbol();
    }

    public int size() {
        return bars.length;
    }

    /** Bar {@code i} (0-based). */
    public PriceBar bar(int i) {
        return bars[i];
    }

    public Instant first() {
        return bars[0].time();
    }

    public Instant last() {
        return bars[bars.length - 1].time();
    }

    /** The time of bar {@code i} in nanoseconds since the epoch. */
    long nanos(int i) {
        return nanos[i];
    }

    /** The compact unscaled close of bar {@code i}; meaningful when {@link #closeScale} is not negative. */
    long closeUnscaled(int i) {
        return closeUnscaled[i];
    }

    /** The compact scale of bar {@code i}'s close, or -1 when it has no compact form. */
    int closeScale(int i) {
        return closeScale[i];
    }
}
