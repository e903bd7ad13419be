package io.tradebook.core.indicators;

/**
 * The highest (or lowest) of the last {@code n} inputs, with a monotonic deque in fixed arrays:
 * each input enters and leaves the deque once, so an update is amortised O(1) and allocates
 * nothing. Mutable.
 */
final class MonotonicWindow {
    private final int period;
    private final boolean highest;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long seen;

    private MonotonicWindow(int period, boolean highest) {
        this.period = period;
        this.highest = highest;
        this.values = new double[period];
        this.positions = new long[period];
    }

    static MonotonicWindow highest(int period) {
        return new MonotonicWindow(period, true);
    }

    static MonotonicWindow lowest(int period) {
        return new MonotonicWindow(period, false);
    }

    void push(double x) {
        // Drop the front if it left the window, so the deque holds at most n - 1 before adding.
        if (size > 0 && positions[head] <= seen - period) {
            head = wrap(head + 1);
            size--;
        }
        // Drop from the back every value the new one dominates: it can never be the extreme again.
        while (size > 0 && dominated(values[wrap(head + size - 1)], x)) {
            size--;
        }
        int tail = wrap(head + size);
        values[tail] = x;
        positions[tail] = seen;
        size++;
        seen++;
    }

    private boolean dominated(double old, double x) {
        return highest ? old <= x : old >= x;
    }

    private int wrap(int i) {
        return i >= period ? i - period : i;
    }

    boolean isFull() {
        return seen >= period;
    }

    /** The extreme of the last n inputs (of all inputs while fewer than n). */
    double value() {
        return values[head];
    }
}
