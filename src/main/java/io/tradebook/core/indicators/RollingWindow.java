package io.tradebook.core.indicators;

/**
 * The last {@code n} inputs in a ring buffer and their sum, kept with Neumaier's compensated
 * summation so that adding and removing values for millions of bars does not drift. Mutable.
 */
final class RollingWindow {
    private final double[] values;
    private int next;
    private int count;
    private double sum;
    private double compensation;

    RollingWindow(int period) {
        this.values = new double[period];
    }

    /**
     * Adds {@code x}; once the window is full, removes the oldest value and returns it. Returns
     * NaN when nothing was removed (inputs are finite, so NaN is never a real value).
     */
    double push(double x) {
        double evicted = Double.NaN;
        if (count == values.length) {
            evicted = values[next];
            accumulate(-evicted);
        } else {
            count++;
        }
        values[next] = x;
        next = next + 1 == values.length ? 0 : next + 1;
        accumulate(x);
        return evicted;
    }

    private void accumulate(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    boolean isFull() {
        return count == values.length;
    }

    int count() {
        return count;
    }

    /**
     * The sum of squared deviations of the values held from {@code mean}, by the corrected
     * two-pass formula {@code Σ(x−m)² − (Σ(x−m))²/count}, which is exactly 0 for equal values.
     */
    double squaredDeviations(double mean) {
        double squares = 0;
        double deviations = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            squares += d * d;
            deviations += d;
        }
        return Math.max(0, squares - deviations * deviations / count);
    }

    /** The mean of the values held (NaN when empty). */
    double mean() {
        return (sum + compensation) / count;
    }
}
