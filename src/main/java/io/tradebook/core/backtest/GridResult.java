package io.tradebook.core.backtest;

import java.util.List;

/**
 * The outcome of a grid search: the strategy varied, the axes, the metric it was ranked by, the
 * rows best first, how many combinations the grid had and how many were skipped because the
 * strategy refuses them (with the first few reasons). Immutable.
 */
public record GridResult(String strategy, List<GridAxis> axes, String rankedBy, List<GridRow> rows, int combinations, int skipped,
                         List<String> skippedExamples) {
    public GridResult {
        axes = List.copyOf(axes);
        rows = List.copyOf(rows);
        skippedExamples = List.copyOf(skippedExamples);
    }
}
