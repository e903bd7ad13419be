package io.tradebook.report;

import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.Metrics;
import io.tradebook.core.analytics.PerformanceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The metrics table: one row per metric, one column for the whole run and one per strategy, with
 * each book's start and final equity, net P&L of its round trips and fees above. Stateless.
 */
final class MetricsTable {
    private MetricsTable() {
    }

    /** A row: its label, and how to print it for one summary. */
    private record Row(String label, String hint, Function<PerformanceSummary, String> cell) {
    }

    private static Row metric(String label, String hint, Function<Metrics, Metric> metric, Function<Metric, String> format) {
        return new Row(label, hint, s -> format.apply(metric.apply(s.metrics())));
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Start equity", "", s -> Html.decimal(s.startEquity().amount())));
        rows.add(new Row("Final equity", "", s -> Html.decimal(s.finalEquity().amount())));
        rows.add(new Row("Net P&L of round trips", "net of fees", s -> Html.decimal(s.tradeStatistics().netPnl().amount())));
        rows.add(metric("Total return", "totalReturn", Metrics::totalReturn, Html::percent));
        rows.add(metric("CAGR", "cagr", Metrics::cagr, Html::percent));
        rows.add(metric("Volatility (annual)", "volatility", Metrics::volatility, Html::percent));
        rows.add(metric("Sharpe", "sharpe", Metrics::sharpe, Html::ratio));
        rows.add(metric("Sortino", "sortino", Metrics::sortino, Html::ratio));
        rows.add(metric("Max drawdown", "maxDrawdown", Metrics::maxDrawdown, Html::percent));
        rows.add(metric("Calmar", "calmar", Metrics::calmar, Html::ratio));
        rows.add(metric("Win rate", "winRate", Metrics::winRate, Html::percent));
        rows.add(metric("Profit factor", "profitFactor", Metrics::profitFactor, Html::ratio));
        rows.add(new Row("Trades", "trades", s -> Integer.toString(s.metrics().trades())));
        rows.add(new Row("Wins / losses", "", s -> s.tradeStatistics().wins() + " / " + s.tradeStatistics().losses()));
        rows.add(metric("Exposure", "exposure", Metrics::exposure, Html::percent));
        return rows;
    }

    static void write(StringBuilder html, PerformanceSummary run, List<PerformanceSummary> strategies) {
        List<PerformanceSummary> columns = new ArrayList<>();
        columns.add(run);
        columns.addAll(strategies);
        html.append("<table class=\"metrics\">\n<thead><tr><th>Metric</th>");
        for (PerformanceSummary s : columns) {
            html.append("<th>").append(Html.escape(s.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Row row : rows()) {
            html.append("<tr><th scope=\"row\"");
            if (!row.hint().isEmpty()) {
                html.append(" title=\"").append(Html.escape(row.hint())).append('"');
            }
            html.append('>').append(Html.escape(row.label())).append("</th>");
            for (PerformanceSummary s : columns) {
                html.append("<td class=\"num\">").append(Html.escape(row.cell().apply(s))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
