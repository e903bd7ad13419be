package io.tradebook.report;

import io.tradebook.core.analytics.PerformanceSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a backtest report as one self-contained HTML file: inline CSS, charts as inline SVG
 * drawn here, no script and nothing fetched. Sections: the key figures, the run parameters, the
 * equity curve and its drawdown, the monthly returns, the metrics of the run and of each strategy,
 * each strategy's own curve and monthly returns, the round trips and the fills.
 *
 * <p>Deterministic: the same {@link ReportModel} always gives the same bytes (UTF-8, {@code \n}
 * line ends); nothing depends on the clock, the locale or the time zone. Every text from the model
 * is escaped. Stateless.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The report as a string. */
    public static String render(ReportModel model) {
        PerformanceSummary run = model.run();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(model.title())).append("</title>\n")
                .append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");
        header(html, model);
        section(html, "parameters", "Run parameters");
        parameters(html, model);
        html.append("</section>\n");
        section(html, "equity", "Equity curve");
        html.append(SvgChart.equity(run.curve(), "Equity of the whole run"));
        html.append("</section>\n");
        section(html, "drawdown", "Drawdown");
        html.append(SvgChart.underwater(run.curve(), "Drawdown of the whole run below its running peak"));
        html.append("<p class=\"note\">Every point of the curve below its running peak. The max drawdown metric is measured on the "
                + "daily returns, so with intraday bars this chart can dip deeper than it.</p>\n");
        html.append("</section>\n");
        section(html, "monthly", "Monthly returns");
        MonthlyReturnsTable.write(html, run.monthlyReturns());
        html.append("</section>\n");
        section(html, "metrics", "Metrics");
        MetricsTable.write(html, run, model.strategies());
        html.append("<p class=\"note\">Definitions follow empyrical: daily returns of the equity curve, ")
                .append(Html.escape(periods(run))).append(" periods a year; a round trip's P&amp;L is net of both legs' fees; "
                        + "— is undefined, ∞ infinite. See docs/metrics.md.</p>\n");
        html.append("</section>\n");
        if (!model.strategies().isEmpty()) {
            section(html, "strategies", "Per-strategy breakdown");
            for (PerformanceSummary s : model.strategies()) {
                html.append("<h3>").append(Html.escape(s.name())).append("</h3>\n");
                html.append(SvgChart.equity(s.curve(), "Equity of strategy " + s.name()));
                MonthlyReturnsTable.write(html, s.monthlyReturns());
            }
            html.append("</section>\n");
        }
        section(html, "trades", "Trades");
        TradeTables.roundTrips(html, run.roundTrips());
        html.append("</section>\n");
        section(html, "fills", "Fills");
        TradeTables.fills(html, model.fills());
        html.append("</section>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** Writes the report to {@code file} in UTF-8, replacing it. */
    public static void write(ReportModel model, Path file) {
        try {
            Files.writeString(file, render(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    private static void header(StringBuilder html, ReportModel model) {
        PerformanceSummary run = model.run();
        html.append("<header>\n<h1>").append(Html.escape(model.title())).append("</h1>\n<p class=\"sub\">")
                .append(Html.escape(Html.time(run.curve().time(0)))).append(" – ")
                .append(Html.escape(Html.time(run.curve().time(run.curve().size() - 1)))).append(" · ")
                .append(run.curve().size()).append(run.curve().size() == 1 ? " bar" : " bars").append(" · ")
                .append(Html.escape(run.curve().currency().toString()));
        if (model.generatedAt() != null) {
            html.append(" · generated ").append(Html.escape(model.generatedAt().toString()));
        }
        html.append("</p>\n<div class=\"cards\">\n");
        card(html, "Final equity", Html.decimal(run.finalEquity().amount()));
        card(html, "Total return", Html.percent(run.metrics().totalReturn()));
        card(html, "CAGR", Html.percent(run.metrics().cagr()));
        card(html, "Sharpe", Html.ratio(run.metrics().sharpe()));
        card(html, "Max drawdown", Html.percent(run.metrics().maxDrawdown()));
        card(html, "Trades", Integer.toString(run.metrics().trades()));
        html.append("</div>\n</header>\n");
    }

    private static void card(StringBuilder html, String label, String value) {
        html.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label)).append("</div><div class=\"value\">")
                .append(Html.escape(value)).append("</div></div>\n");
    }

    private static void parameters(StringBuilder html, ReportModel model) {
        if (model.parameters().isEmpty()) {
            html.append("<p class=\"note\">No parameters given.</p>\n");
            return;
        }
        html.append("<table class=\"parameters\">\n<tbody>\n");
        for (ReportModel.Parameter p : model.parameters()) {
            html.append("<tr><th scope=\"row\">").append(Html.escape(p.name())).append("</th><td>").append(Html.escape(p.value()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void section(StringBuilder html, String id, String heading) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n");
    }

    private static String periods(PerformanceSummary run) {
        double p = run.settings().periodsPerYear();
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
