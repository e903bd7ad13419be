package io.tradebook.core.backtest;

/**
 * Told how far a run has come, for a progress bar: {@code bars} of {@code total} bars processed.
 * Called from the run's thread about a thousand times per run (not once per bar), and once more
 * at the end with {@code bars == total}.
 */
@FunctionalInterface
public interface BacktestProgress {
    /** Reports nothing. */
    BacktestProgress NONE = (bars, total) -> {
    };

    void advanced(long bars, long total);
}
