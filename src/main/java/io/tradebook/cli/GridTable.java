package io.tradebook.cli;

import io.tradebook.core.backtest.GridAxis;
import io.tradebook.core.backtest.GridResult;
import io.tradebook.core.backtest.GridRow;
import java.io.PrintWriter;
import java.util.List;

/**
 * The ranked table a grid search prints: one line per combination, best first, with the varied
 * parameters, the final equity and the main metrics; then how many combinations were skipped and
 * why (the first few). Deterministic. Stateless.
 */
final class GridTable {
    private static final List<String> SHOWN = List.of("totalReturn", "cagr", "sharpe", "sortino", "maxDrawdown", "winRate", "trades");

    private GridTable() {
    }

    static void print(GridResult grid, PrintWriter out) {
        out.println("grid: " + grid.strategy() + ", " + grid.combinations() + " combinations, " + grid.rows().size() + " run, "
                + grid.skipped() + " skipped; ranked by " + grid.rankedBy());
        StringBuilder header = new StringBuilder(BacktestSummary.pad("rank", 5));
        for (GridAxis axis : grid.axes()) {
            header.append(BacktestSummary.pad(axis.parameter(), Math.max(6, axis.parameter().length())));
        }
        header.append(BacktestSummary.pad("finalEquity", 14));
        List<String> metrics = SHOWN.contains(grid.rankedBy()) ? SHOWN
                : java.util.stream.Stream.concat(SHOWN.stream(), java.util.stream.Stream.of(grid.rankedBy())).toList();
        for (String m : metrics) {
            header.append(BacktestSummary.pad(m, 14));
        }
        out.println(header.toString().stripTrailing());
        int rank = 1;
        for (GridRow row : grid.rows()) {
            StringBuilder line = new StringBuilder(BacktestSummary.pad(Integer.toString(rank++), 5));
            for (GridAxis axis : grid.axes()) {
                line.append(BacktestSummary.pad(row.parameters().asText().get(axis.parameter()), Math.max(6, axis.parameter().length())));
            }
            line.append(BacktestSummary.pad(row.finalEquity().toPlainString(), 14));
            for (String m : metrics) {
                line.append(BacktestSummary.pad(BacktestSummary.text(row.metrics().byName().get(m)), 14));
            }
            out.println(line.toString().stripTrailing());
        }
        for (String example : grid.skippedExamples()) {
            out.println("skipped: " + example);
        }
    }
}
