package io.tradebook.core.indicators;

import java.util.Arrays;

/**
 * The highest (or lowest) of the last {@code n} inputs, by van Herk and Gil-Werman's block method:
 * the inputs fall in consecutive blocks of n; a window of the last n inputs is a suffix of the
 * previous block and a prefix of the current one, so its maximum is the larger of that suffix's
 * maximum (computed for every position once the block is complete, n steps every n bars) and the
 * running maximum of the current block. Two comparisons per bar plus one amortised: O(1)
 * amortised, without the unpredictable branches of a monotonic deque, and no allocation. The
 * lowest is kept as the highest of the negated inputs. Mutable.
 */
final class SlidingMaximum {
    private final int period;
    private final double sign;
    /** The inputs of the current block, by position in the block. */
    private final double[] block;
    /** {@code suffix[j]} = the maximum of positions j..n−1 of the previous block (−∞ before one). */
    private final double[] suffix;
    private int position;
    private double prefix;
    private double value = Double.NaN;
    private long seen;

    private SlidingMaximum(int period, boolean highest) {
        this.period = period;
        this.sign = highest ? 1 : -1;
        this.block = new double[period];
        this.suffix = new double[period];
        Arrays.fill(suffix, Double.NEGATIVE_INFINITY);
    }

    static SlidingMaximum highest(int period) {
        return new SlidingMaximum(period, true);
    }

    static SlidingMaximum lowest(int period) {
        return new SlidingMaximum(period, false);
    }

    void push(double input) {
        double x = sign * input;
        int j = position;
        prefix = j == 0 || x > prefix ? x : prefix;
        block[j] = x;
        if (j == period - 1) {
            value = prefix;
            closeBlock();
            position = 0;
        } else {
            double older = suffix[j + 1];
            value = older > prefix ? older : prefix;
            position = j + 1;
        }
        seen++;
    }

    private void closeBlock() {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = period - 1; k >= 0; k--) {
            max = block[k] > max ? block[k] : max;
            suffix[k] = max;
        }
    }

    boolean isFull() {
        return seen >= period;
    }

    /** The extreme of the last n inputs (of all inputs while fewer than n). */
    double value() {
        return sign * value;
    }
}
