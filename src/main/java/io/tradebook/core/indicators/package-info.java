/**
 * Streaming technical indicators: each is fed one bar at a time, does O(1) work per bar (amortised
 * O(1) for the Donchian channel) and allocates nothing while updating.
 *
 * <p>For a strategy author: create the indicator once ({@code new Sma(20)}, or from a spec with
 * {@link io.tradebook.core.indicators.IndicatorSpec#parse}), call {@code update(high, low, close)}
 * (or {@code update(close)} on the close-only ones) exactly once per bar, then read it. Every
 * output is an {@link io.tradebook.core.indicators.Output} that remembers its value at this bar
 * ({@code value()}) and at the bar before ({@code previous()}), so a crossover needs no state of
 * your own:
 *
 * <pre>{@code
 * fast.update(close); slow.update(close);
 * boolean crossUp = fast.value() > slow.value() && fast.previous() <= slow.previous();
 * }</pre>
 *
 * An output is {@code Double.NaN} until defined (during warm-up); any comparison with NaN is false,
 * so a rule like the one above never fires on an undefined bar. {@code isReady()} says whether all
 * outputs of an indicator are defined. Definitions, warm-up and seeding of each indicator are in
 * {@code docs/indicators.md}; they follow R's TTR package (and TA-Lib) exactly.
 */
package io.tradebook.core.indicators;
