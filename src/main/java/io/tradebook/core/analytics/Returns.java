package io.tradebook.core.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The simple returns of an equity curve at a {@link Sampling}: {@code r_i = e_i / e_(i-1) − 1}
 * between consecutive sampled points, each dated at its end point. Immutable.
 *
 * <p>Returns need a positive base. If the first sampled equity is zero or negative there are no
 * returns. If equity reaches zero or below later (ruin), the series ends with that point's
 * return ({@code ≤ −1}) and the points after it are not measured: a return on a non-positive base
 * means nothing. {@link #ruined()} says so.
 *
 * <p>{@link #start()} and {@link #end()} are the first and last sampled equities of the whole
 * curve (after ruin too), exact, for the total return.
 */
public final class Returns {
    private final double[] values;
    private final Instant[] times;
    private final BigDecimal start;
    private final BigDecimal end;
    private final boolean ruined;
    private final int points;

    private Returns(double[] values, Instant[] times, BigDecimal start, BigDecimal end, boolean ruined, int points) {
        this.points = points;
        this.values = values;
        this.times = times;
        this.start = start;
        this.end = end;
        this.ruined = ruined;
    }

    /** The returns of {@code curve} sampled at {@code sampling}. */
    public static Returns of(EquityCurve curve, Sampling sampling) {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(sampling, "sampling");
        int[] sampled = sample(curve, sampling);
        if (sampled.length == 0) {
            return new Returns(new double[0], new Instant[0], null, null, false, 0);
        }
        BigDecimal start = curve.equity(sampled[0]);
        BigDecimal end = curve.equity(sampled[sampled.length - 1]);
        double[] values = new double[Math.max(0, sampled.length - 1)];
        Instant[] times = new Instant[values.length];
        int count = 0;
        boolean ruined = false;
        if (start.signum() > 0) {
            double previous = start.doubleValue();
            for (int k = 1; k < sampled.length && !ruined; k++) {
                BigDecimal e = curve.equity(sampled[k]);
                double current = e.doubleValue();
                values[count] = current / previous - 1.0;
                times[count] = curve.time(sampled[k]);
                count++;
                ruined = e.signum() <= 0;
                previous = current;
            }
        }
        return new Returns(Arrays.copyOf(values, count), Arrays.copyOf(times, count), start, end, ruined, sampled.length);
    }

    /** The indexes of the sampled points, in time order. */
    private static int[] sample(EquityCurve curve, Sampling sampling) {
        int n = curve.size();
        if (sampling == Sampling.EVERY_POINT || n == 0) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] picked = new int[Math.min(n, 64)];
        int count = 0;
        picked[count++] = 0;
        long dayStart = 0;
        long dayEnd = Long.MIN_VALUE; // [dayStart, dayEnd): the seconds of point i's UTC day, worked out only when the day changes
        for (int i = 1; i < n; i++) {
            long second = curve.second(i);
            if (second >= dayEnd || second < dayStart) {
                dayStart = Math.floorDiv(second, 86_400L) * 86_400L;
                dayEnd = dayStart + 86_400L;
            }
            boolean lastOfDay = i == n - 1;
            if (!lastOfDay) {
                long following = curve.second(i + 1);
                lastOfDay = following >= dayEnd || following < dayStart;
            }
            if (lastOfDay) {
                if (count == picked.length) {
                    picked = Arrays.copyOf(picked, Math.min(n, count * 2));
                }
                picked[count++] = i;
            }
        }
        return Arrays.copyOf(picked, count);
    }

    public int size() {
        return values.length;
    }

    /** Return {@code i}, a fraction ({@code 0.01} is 1%). */
    public double value(int i) {
        return values[i];
    }

    /** The time of return {@code i}'s end point. */
    public Instant time(int i) {
        return times[i];
    }

    /** A copy of the returns. */
    public double[] values() {
        return values.clone();
    }

    /** True when equity reached zero or below and the series stops there. */
    public boolean ruined() {
        return ruined;
    }

    /** The first sampled equity, or null for an empty curve. */
    public BigDecimal start() {
        return start;
    }

    /** The last sampled equity (the curve's last point), or null for an empty curve. */
    public BigDecimal end() {
        return end;
    }

    /**
     * {@code end / start − 1}, exact to 34 digits then rounded to a double: the total return of
     * the whole curve. NaN (undefined) with fewer than two points or a start at or below zero.
     */
    public double totalReturn() {
        if (points < 2 || start.signum() <= 0) {
            return Double.NaN;
        }
        return end.divide(start, MathContext.DECIMAL128).subtract(BigDecimal.ONE).doubleValue();
    }
}
