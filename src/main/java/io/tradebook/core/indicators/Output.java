package io.tradebook.core.indicators;

import java.util.Objects;

/**
 * One named output of an indicator (e.g. {@code bbands_20_2_lower}) as of the last bar fed:
 * its value at this bar and at the bar before. Mutable: only its indicator writes it, once per
 * bar. A value is {@code Double.NaN} while undefined (warm-up); a defined value is never NaN.
 */
public final class Output {
    private final String name;
    private double value = Double.NaN;
    private double previous = Double.NaN;

    Output(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The column name, e.g. {@code rsi_14} or {@code macd_12_26_9_signal}. */
    public String name() {
        return name;
    }

    /** The value at the last bar fed; NaN if undefined there. */
    public double value() {
        return value;
    }

    /** The value at the bar before the last one; NaN if undefined there (or no such bar). */
    public double previous() {
        return previous;
    }

    /** Whether {@link #value()} is defined. */
    public boolean isDefined() {
        return !Double.isNaN(value);
    }

    /** Records the value of a new bar; the current value becomes the previous one. */
    void push(double next) {
        previous = value;
        value = next;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
