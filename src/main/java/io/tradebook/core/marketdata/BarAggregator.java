package io.tradebook.core.marketdata;

import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds bars of a longer timeframe from bars of a shorter one, one bar at a time, so a series of
 * any length streams through in constant memory. A longer bar covers one UTC-aligned bucket of its
 * timeframe ({@link Timeframe#floor}); its open is the first bar's open, its high the highest high,
 * its low the lowest low, its close the last bar's close and its volume the sum of the volumes. A
 * bucket of close-only bars gives a close-only bar with the last close (the closes alone do not
 * tell the bucket's true high and low).
 *
 * <p>Mutable and not thread-safe: one aggregator per series. Refuses (with
 * {@link IllegalArgumentException}) a target timeframe not longer than the source one, a bar of
 * another symbol than the first, a bar that does not start on the source timeframe's boundary, a
 * bar not after the previous one, and close-only bars mixed with full ones in one bucket.
 */
public final class BarAggregator {
    private final Timeframe from;
    private final Timeframe to;
    private final int expected;

    private String symbol;
    private Instant lastTime;
    private Instant bucket;
    private Price open;
    private Price high;
    private Price low;
    private Price close;
    private Quantity volume;
    private boolean closeOnly;
    private int count;

    /** An aggregator of {@code from} bars into {@code to} bars; refuses a {@code to} not longer than {@code from}. */
    public BarAggregator(Timeframe from, Timeframe to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.expected = from.barsIn(to);
    }

    /** Every longer bar built from {@code bars} (in time order), the last bucket included. */
    public static List<AggregatedBar> aggregate(Iterable<Bar> bars, Timeframe from, Timeframe to) {
        BarAggregator aggregator = new BarAggregator(from, to);
        List<AggregatedBar> built = new ArrayList<>();
        for (Bar bar : bars) {
            aggregator.add(bar).ifPresent(built::add);
        }
        aggregator.finish().ifPresent(built::add);
        return built;
    }

    /** Adds the next bar; when it starts a new bucket, returns the bucket it completed. */
    public Optional<AggregatedBar> add(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        check(bar);
        Instant start = to.floor(bar.time());
        Optional<AggregatedBar> done = Optional.empty();
        if (bucket != null && !start.equals(bucket)) {
            done = Optional.of(built());
        }
        if (bucket == null || !start.equals(bucket)) {
            bucket = start;
            open = bar.open();
            high = bar.high();
            low = bar.low();
            volume = bar.volume();
            closeOnly = bar.closeOnly();
            count = 1;
        } else {
            if (bar.closeOnly() != closeOnly) {
                throw new IllegalArgumentException("cannot aggregate close-only bars together with full bars: " + symbol
                        + " at " + bar.time() + " is " + (bar.closeOnly() ? "close-only" : "a full bar") + ", the bar before it is not");
            }
            high = high.max(bar.high());
            low = low.min(bar.low());
            volume = volume.plus(bar.volume());
            count++;
        }
        close = bar.close();
        lastTime = bar.time();
        return done;
    }

    /** The bucket in progress, if any; call once after the last bar. Afterwards the aggregator is empty. */
    public Optional<AggregatedBar> finish() {
        if (bucket == null) {
            return Optional.empty();
        }
        AggregatedBar last = built();
        bucket = null;
        return Optional.of(last);
    }

    private void check(Bar bar) {
        if (symbol == null) {
            symbol = bar.symbol();
        } else if (!symbol.equals(bar.symbol())) {
            throw new IllegalArgumentException("cannot aggregate bars of " + bar.symbol() + " into bars of " + symbol);
        }
        if (!from.isBarStart(bar.time())) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + bar.time() + " does not start a " + from
                    + " bar, so it is not a " + from + " bar");
        }
        if (lastTime != null && !bar.time().isAfter(lastTime)) {
            throw new IllegalArgumentException("bars of " + symbol + " out of order: " + bar.time() + " comes after " + lastTime);
        }
    }

    private AggregatedBar built() {
        Bar bar = closeOnly ? Bar.closeOnly(symbol, bucket, close) : new Bar(symbol, bucket, open, high, low, close, volume);
        return new AggregatedBar(bar, count, expected);
    }
}
