package io.tradebook.report;

import java.util.Arrays;

/**
 * Picks at most {@link #MAX_POINTS} of a long series for a chart, deterministically: the first
 * and last points, and in each of {@code (MAX_POINTS − 2) / 2} equal runs of indexes the lowest
 * and the highest point, in index order. Every extreme of the series (its peak, its deepest
 * drawdown) survives. Stateless.
 */
final class Downsampling {
    /** The most points a chart draws. */
    static final int MAX_POINTS = 2000;

    private Downsampling() {
    }

    /** The indexes of {@code values} to draw, ascending; all of them when there are at most {@link #MAX_POINTS}. */
    static int[] extremes(double[] values) {
        int n = values.length;
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int buckets = (MAX_POINTS - 2) / 2;
        int[] picked = new int[MAX_POINTS];
        int count = 0;
        picked[count++] = 0;
        for (int b = 0; b < buckets; b++) {
            // interior points 1 … n−2, split into runs whose sizes differ by at most one
            int from = 1 + (int) ((long) (n - 2) * b / buckets);
            int to = 1 + (int) ((long) (n - 2) * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int low = from;
            int high = from;
            for (int i = from + 1; i < to; i++) {
                if (values[i] < values[low]) {
                    low = i;
                }
                if (values[i] > values[high]) {
                    high = i;
                }
            }
            picked[count++] = Math.min(low, high);
            if (low != high) {
                picked[count++] = Math.max(low, high);
            }
        }
        picked[count++] = n - 1;
        return Arrays.copyOf(picked, count);
    }
}
