package io.tradebook.cli;

import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.report.BacktestJson;
import io.tradebook.core.backtest.BarSeries;
import io.tradebook.core.backtest.OrderCounts;
import io.tradebook.core.money.Money;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The human summary {@code tradebook backtest} prints without {@code --json}: the run in one line,
 * the cash and final equity, how the orders ended, then a table of metrics with one column for the
 * run and one per strategy (undefined: {@code -}, infinite: {@code inf}). Deterministic. Stateless.
 */
final class BacktestSummary {
    private BacktestSummary() {
    }

    static void print(BacktestResult result, BacktestJson.RunInfo info, PrintWriter out) {
        List<String> names = new ArrayList<>();
        result.plan().strategies().forEach(s -> names.add(s.name() + " (" + s.code() + ": " + s.parameters() + ")"));
        List<String> symbols = result.plan().series().stream().map(BarSeries::symbol).toList();
        out.println("backtest: " + String.join("; ", names));
        out.println("bars:     " + result.bars() + " " + info.timeframe() + " bars of " + String.join(", ", symbols) + ", "
                + result.start() + " to " + result.end());
        Money cash = result.plan().settings().cash();
        out.println("equity:   " + cash.toPlainString() + " " + cash.currency() + " -> " + result.finalEquity().toPlainString() + " "
                + cash.currency());
        OrderCounts o = result.orders();
        out.println("orders:   " + o.submitted() + " submitted, " + o.filled() + " filled, " + o.rejected() + " rejected, "
                + o.expired() + " expired, " + o.cancelled() + " cancelled (" + o.cancelledAtEnd() + " at the end)");
        out.println("fills:    " + result.fills().size() + ", round trips: " + result.roundTrips().size());
        List<PerformanceSummary> columns = new ArrayList<>();
        columns.add(result.performance().run());
        columns.addAll(result.performance().strategies());
        int width = 14;
        for (PerformanceSummary s : columns) {
            width = Math.max(width, s.name().length() + 2);
        }
        StringBuilder header = new StringBuilder(pad("metric", 14));
        for (PerformanceSummary s : columns) {
            header.append(pad(s.name(), width));
        }
        out.println();
        out.println(header.toString().stripTrailing());
        for (String metric : result.performance().run().metrics().byName().keySet()) {
            StringBuilder row = new StringBuilder(pad(metric, 14));
            for (PerformanceSummary s : columns) {
                row.append(pad(text(s.metrics().byName().get(metric)), width));
            }
            out.println(row.toString().stripTrailing());
        }
        StringBuilder equity = new StringBuilder(pad("finalEquity", 14));
        for (PerformanceSummary s : columns) {
            equity.append(pad(s.finalEquity().toPlainString(), width));
        }
        out.println(equity.toString().stripTrailing());
        for (Map.Entry<String, String> c : info.costs().entrySet()) {
            out.println("cost: " + c.getKey() + " " + c.getValue());
        }
    }

    static String text(Metric m) {
        return switch (m.kind()) {
            case FINITE -> m.plain();
            case UNDEFINED -> "-";
            case POSITIVE_INFINITY -> "inf";
            case NEGATIVE_INFINITY -> "-inf";
        };
    }

    static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.append(' ').toString();
    }
}
