package io.tradebook.core.indicators;

/** The checks every indicator makes on its parameters and inputs, with messages naming them. */
final class Argument {
    /** The largest period accepted: a window of this many doubles is 8 MB. */
    static final int MAX_PERIOD = 1_000_000;

    private Argument() {
    }

    static int period(String name, int value) {
        if (value < 1 || value > MAX_PERIOD) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_PERIOD + ", not " + value);
        }
        return value;
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
    }

    static void bar(double high, double low, double close) {
        finite("high", high);
        finite("low", low);
        finite("close", close);
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
    }
}
