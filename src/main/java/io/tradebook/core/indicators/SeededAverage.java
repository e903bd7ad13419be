package io.tradebook.core.indicators;

/**
 * An exponential average seeded, as TTR and TA-Lib seed it, with the simple mean of its first
 * {@code period} inputs; afterwards {@code value += alpha * (x - value)}. With
 * {@code alpha = 2/(n+1)} it is the EMA, with {@code alpha = 1/n} Wilder's smoothing. Mutable.
 */
final class SeededAverage {
    private final int period;
    private final double alpha;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    SeededAverage(int period, double alpha) {
        this.period = period;
        this.alpha = alpha;
    }

    static SeededAverage ema(int period) {
        return new SeededAverage(period, 2.0 / (period + 1));
    }

    static SeededAverage wilder(int period) {
        return new SeededAverage(period, 1.0 / period);
    }

    void add(double x) {
        if (count < period) {
            seedSum += x;
            count++;
            if (count == period) {
                value = seedSum / period;
            }
        } else {
            value += alpha * (x - value);
        }
    }

    boolean isReady() {
        return count == period;
    }

    /** The average; NaN until {@code period} inputs were added. */
    double value() {
        return value;
    }
}
