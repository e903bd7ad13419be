package io.tradebook.core.indicators;

/**
 * Wilder's running sum, seeded as TTR's {@code wilderSum} and TA-Lib's directional movement seed
 * it: the plain sum of the first {@code n - 1} inputs, then for every input from the n-th on
 * {@code sum = x + sum * (n - 1) / n}. Mutable.
 */
final class WilderSum {
    private final int period;
    private final double keep;
    private int count;
    private double sum;

    WilderSum(int period) {
        this.period = period;
        this.keep = (period - 1) / (double) period;
    }

    void add(double x) {
        if (count < period - 1) {
            sum += x;
            count++;
        } else {
            sum = x + sum * keep;
            count = period;
        }
    }

    boolean isReady() {
        return count == period;
    }

    /** The sum; meaningful once {@link #isReady()}. */
    double value() {
        return sum;
    }
}
