package io.tradebook.report;

import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.MonthlyReturns;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The year × month table of compounded returns, each cell shaded green (gain) or red (loss) with
 * an intensity growing with the size of the return, full at ±10% a month (±30% for a year).
 * Stateless.
 */
final class MonthlyReturnsTable {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private MonthlyReturnsTable() {
    }

    static void write(StringBuilder html, MonthlyReturns table) {
        if (table.isEmpty()) {
            html.append("<p class=\"note\">No returns to tabulate: the curve has fewer than two daily points.</p>\n");
            return;
        }
        html.append("<table class=\"monthly\">\n<thead><tr><th>Year</th>");
        for (String m : MONTHS) {
            html.append("<th>").append(m).append("</th>");
        }
        html.append("<th>Year</th></tr></thead>\n<tbody>\n");
        for (MonthlyReturns.Year year : table.years()) {
            html.append("<tr><th scope=\"row\">").append(year.year()).append("</th>");
            for (Metric m : year.months()) {
                cell(html, m, 0.10);
            }
            cell(html, year.total(), 0.30);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder html, Metric m, double full) {
        if (!m.isFinite()) {
            html.append("<td class=\"num empty\">—</td>");
            return;
        }
        double r = m.value();
        double strength = Math.min(1.0, Math.abs(r) / full);
        String alpha = BigDecimal.valueOf(Math.round((0.08 + 0.72 * strength) * 100), 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        String rgb = r > 0 ? "22,163,74" : r < 0 ? "220,38,38" : "148,163,184";
        html.append("<td class=\"num\" style=\"background:rgba(").append(rgb).append(',').append(alpha).append(")\">")
                .append(Html.percent(m)).append("</td>");
    }
}
