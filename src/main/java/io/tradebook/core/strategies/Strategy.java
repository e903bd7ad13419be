package io.tradebook.core.strategies;

import io.tradebook.core.books.Fill;

/**
 * A running trading strategy: the code that turns bars into orders. The runner (the backtester
 * today, live trading later) calls it on one thread, in this order:
 *
 * <ol>
 *   <li>{@link #onStart} once, before the first bar: create indicators and register them with
 *       {@link StrategyContext#track}, read the parameters.</li>
 *   <li>For every bar of each of its symbols, in time order: first the fills its orders got on
 *       that bar ({@link #onFill}, one call per fill), then {@link #onBar} at the bar's close,
 *       after every tracked indicator of the symbol has been fed the bar. Orders submitted in
 *       {@code onBar} are decided on what is known at the close of that bar and fill at the next
 *       bar's open at the earliest: never at the prices of the bar that decided them.</li>
 *   <li>{@link #onStop} once, after the last bar.</li>
 * </ol>
 *
 * Orders go through {@link StrategyContext#submit} and the order path (risk, buying power, broker,
 * books); the strategy keeps no books of its own and reads its position, cash and equity from the
 * context. An instance is mutable and used by one run only.
 */
public interface Strategy {

    /** Called once before the first bar. */
    default void onStart(StrategyContext context) {
    }

    /** Called at the close of every bar of each of the strategy's symbols. */
    void onBar(StrategyContext context, PriceBar bar);

    /** Called for each fill of one of the strategy's orders, before the {@code onBar} of the bar it filled on. */
    default void onFill(StrategyContext context, Fill fill) {
    }

    /** Called once after the last bar; orders still working then are cancelled by the runner. */
    default void onStop(StrategyContext context) {
    }
}
