package io.tradebook.core.backtest;

/**
 * Runs a {@link BacktestPlan} through the very order path live trading uses, on a simulated clock:
 * the strategies' orders go through the execution engine (pre-trade risk, buying power), the paper
 * broker fills them on the bars, and in-memory books keep the exact money. Nothing is
 * re-implemented for backtesting. The loop, the sessions and the fill timing are in
 * {@code docs/backtesting.md}.
 *
 * <p>Deterministic: the same plan gives the same result, to the byte, on every run and every
 * thread (ids come from counters, time from the bars, never from the wall clock). Each run has its
 * own engine, broker and books, so runs may go on in parallel (a grid search). Stateless.
 */
public final class Backtest {
    private Backtest() {
    }

    public static BacktestResult run(BacktestPlan plan) {
        return run(plan, BacktestProgress.NONE);
    }

    /** Runs {@code plan}, telling {@code progress} how far it has come. */
    public static BacktestResult run(BacktestPlan plan, BacktestProgress progress) {
        return new BacktestRun(plan, progress).run();
    }
}
