package io.tradebook.report;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.RoundTrip;
import java.util.List;

/**
 * The round-trip and fill tables, at most {@link #MAX_ROWS} rows each; a longer list shows its
 * first rows and says how many were left out (the backtest's JSON has all of them). Stateless.
 */
final class TradeTables {
    /** The most rows a table shows, so that a report of a long run stays a file a browser opens. */
    static final int MAX_ROWS = 5000;

    private TradeTables() {
    }

    static void roundTrips(StringBuilder html, List<RoundTrip> trips) {
        if (trips.isEmpty()) {
            html.append("<p class=\"note\">No finished round trips.</p>\n");
            return;
        }
        html.append("<table class=\"trades\">\n<thead><tr><th>#</th><th>Strategy</th><th>Symbol</th><th>Side</th><th>Entry</th>"
                + "<th>Entry price</th><th>Exit</th><th>Exit price</th><th>Size</th><th>P&amp;L</th><th>Fees</th><th>Confidence</th>"
                + "</tr></thead>\n<tbody>\n");
        int shown = Math.min(trips.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            RoundTrip t = trips.get(i);
            String pnlClass = t.pnl().signum() > 0 ? "num gain" : t.pnl().signum() < 0 ? "num loss" : "num";
            html.append("<tr><td class=\"num\">").append(i + 1).append("</td>")
                    .append(td(t.strategy())).append(td(t.symbol())).append(td(t.direction().name()))
                    .append(td(Html.time(t.entryTime()))).append(num(Html.decimal(t.entryPrice().value())))
                    .append(td(Html.time(t.exitTime()))).append(num(t.exitPrice() == null ? "" : Html.decimal(t.exitPrice().value())))
                    .append(num(Html.decimal(t.size().value())))
                    .append("<td class=\"").append(pnlClass).append("\">").append(Html.escape(t.pnl().toPlainString())).append("</td>")
                    .append(num(t.fees().toPlainString()))
                    .append(num(t.confidence() == null ? "" : Html.decimal(t.confidence())))
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        leftOut(html, trips.size(), "round trips");
    }

    static void fills(StringBuilder html, List<Fill> fills) {
        html.append("<details>\n<summary>").append(fills.size()).append(fills.size() == 1 ? " fill" : " fills").append("</summary>\n");
        if (!fills.isEmpty()) {
            html.append("<table class=\"fills\">\n<thead><tr><th>#</th><th>Time</th><th>Strategy</th><th>Symbol</th><th>Side</th>"
                    + "<th>Quantity</th><th>Price</th><th>Fee</th></tr></thead>\n<tbody>\n");
            int shown = Math.min(fills.size(), MAX_ROWS);
            for (int i = 0; i < shown; i++) {
                Fill f = fills.get(i);
                html.append("<tr><td class=\"num\">").append(i + 1).append("</td>").append(td(Html.time(f.time())))
                        .append(td(f.strategy())).append(td(f.symbol())).append(td(f.side().name()))
                        .append(num(Html.decimal(f.quantity().value()))).append(num(Html.decimal(f.price().value())))
                        .append(num(f.fee().toPlainString())).append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
            leftOut(html, fills.size(), "fills");
        }
        html.append("</details>\n");
    }

    private static void leftOut(StringBuilder html, int total, String what) {
        if (total > MAX_ROWS) {
            html.append("<p class=\"note\">The first ").append(MAX_ROWS).append(" of ").append(total).append(' ').append(what)
                    .append(" are shown; the backtest's JSON output lists all of them.</p>\n");
        }
    }

    private static String td(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + Html.escape(text) + "</td>";
    }
}
