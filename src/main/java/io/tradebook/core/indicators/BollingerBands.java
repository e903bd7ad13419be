package io.tradebook.core.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * Bollinger bands: the middle band is the SMA of the last {@code n} closes, the others are
 * {@code middle ± k × σ} where σ is the population standard deviation of those closes (divided
 * by n, not n − 1), as TTR's {@code BBands} computes it. Defined from the n-th bar on.
 *
 * <p>The variance is kept with Welford's update, extended to a sliding window: adding x and
 * removing x' changes the sum of squared deviations by {@code (x − x')(x − mean' + x' − mean)},
 * which works on differences from the mean and so keeps its precision when prices are large and
 * their spread small (a sum of squares of raw prices would not). When an update cancels nearly all
 * of the spread (the window turned flat), the window is recomputed exactly, so a flat window has
 * exactly zero width; and it is recomputed every max(n, 1024) bars anyway, so rounding errors do
 * not add up over long series. Both keep the update amortised O(1).
 *
 * <p>Mutable; refuses a period below 1 and a {@code k} that is not a positive finite number.
 */
public final class BollingerBands implements Indicator {
    /**
     * An update that cancels all but this fraction of the squared deviations leaves a rounding
     * residue of about 1e-16 of the old value, which would show as a width of about 1e-8 of the
     * old one; the window is then recomputed exactly. That needs the value leaving the window to
     * have carried nearly all the spread, so it happens at most about once every n bars: the
     * update stays amortised O(1).
     */
    private static final double CANCELLATION = 1e-6;
    /**
     * Rounding errors of the sliding update add up like a random walk (about 4e-7 of the width
     * after a million bars of prices near 1e6 moving by cents); recomputing the window exactly
     * every max(n, 1024) bars bounds them (to about 2e-8 there) for less than one operation per bar.
     */
    private static final int RESYNC_BARS = 1024;

    private final int period;
    private final double k;
    private final RollingWindow window;
    private final int resyncEvery;
    private int untilResync;
    private double squaredDeviations;
    private final Output lower;
    private final Output middle;
    private final Output upper;
    private final List<Output> outputs;

    public BollingerBands(int period, double k) {
        this.period = Argument.period("n", period);
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be a positive finite number, not " + k);
        }
        this.k = k;
        this.window = new RollingWindow(period);
        this.resyncEvery = Math.max(period, RESYNC_BARS);
        this.untilResync = resyncEvery;
        String prefix = "bbands_" + period + "_" + plain(k) + "_";
        this.lower = new Output(prefix + "lower");
        this.middle = new Output(prefix + "middle");
        this.upper = new Output(prefix + "upper");
        this.outputs = List.of(lower, middle, upper);
    }

    /** {@code k} as the column names write it: 2.0 as "2", 2.5 as "2.5". */
    static String plain(double k) {
        return BigDecimal.valueOf(k).stripTrailingZeros().toPlainString();
    }

    /** Feeds the next close. */
    public void update(double close) {
        Argument.finite("close", close);
        double meanBefore = window.count() == 0 ? 0 : window.mean();
        double evicted = window.push(close);
        double mean = window.mean();
        double before = squaredDeviations;
        if (Double.isNaN(evicted)) {
            squaredDeviations += (close - meanBefore) * (close - mean);
        } else {
            squaredDeviations += (close - evicted) * (close - mean + evicted - meanBefore);
            if (--untilResync == 0 || squaredDeviations < before * CANCELLATION) {
                squaredDeviations = window.squaredDeviations(mean);
                untilResync = resyncEvery;
            }
        }
        if (window.isFull()) {
            double width = k * Math.sqrt(squaredDeviations / period);
            lower.push(mean - width);
            middle.push(mean);
            upper.push(mean + width);
        } else {
            lower.push(Double.NaN);
            middle.push(Double.NaN);
            upper.push(Double.NaN);
        }
    }

    @Override
    public void update(double high, double low, double close) {
        update(close);
    }

    /** middle − k × σ. */
    public Output lower() {
        return lower;
    }

    /** The SMA of the last n closes. */
    public Output middle() {
        return middle;
    }

    /** middle + k × σ. */
    public Output upper() {
        return upper;
    }

    public int period() {
        return period;
    }

    public double k() {
        return k;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }

    @Override
    public int warmUpBars() {
        return period;
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }
}
