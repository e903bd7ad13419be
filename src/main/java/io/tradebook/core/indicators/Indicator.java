package io.tradebook.core.indicators;

import java.util.List;

/**
 * A streaming technical indicator, fed one bar at a time. Implementations are mutable, not
 * thread-safe, do O(1) work per bar and allocate nothing in {@link #update}.
 *
 * <p>The uniform view used by the CLI and by code that handles any indicator: feed bars with
 * {@link #update}, read the named {@link #outputs()}. The concrete classes add typed accessors
 * ({@code Sma.value()}, {@code BollingerBands.lower()}, {@code Dmi.adx()}, ...).
 */
public interface Indicator {
    /**
     * Feeds the next bar. Indicators of closes only ignore {@code high} and {@code low}.
     *
     * @throws IllegalArgumentException if a price is not finite, or {@code high < low} for an
     *     indicator that uses them; the indicator is then unchanged
     */
    void update(double high, double low, double close);

    /** Whether every output is defined, that is at least {@link #warmUpBars()} bars were fed. */
    boolean isReady();

    /**
     * How many bars must be fed before every output is defined (e.g. 20 for {@code Sma(20)},
     * 15 for {@code Rsi(14)}, 28 for {@code Dmi(14)}).
     */
    int warmUpBars();

    /** The outputs in a fixed order (the CLI's column order); the list never changes. */
    List<Output> outputs();
}
