package io.tradebook.report;

import static io.tradebook.core.analytics.AnalyticsFixtures.daily;
import static io.tradebook.core.analytics.AnalyticsFixtures.day;
import static io.tradebook.core.analytics.AnalyticsFixtures.trip;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.analytics.EquityCurve;
import io.tradebook.core.analytics.Exposure;
import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: its sections and values, escaping, self-containment and byte-for-byte determinism. */
class HtmlReportTest {

    private static ReportModel model(String title, String strategyName) {
        // the worked example of PerformanceSummaryTest: +10%, −10%, +10%, +10%
        PerformanceSummary run = PerformanceSummary.of("run", daily("100", "110", "99", "108.9", "119.79"),
                List.of(trip(strategyName, "AAPL", "12", "1", day("2024-01-02"), day("2024-01-03")),
                        trip(strategyName, "AAPL", "-3", "1", day("2024-01-03"), day("2024-01-04")),
                        trip(strategyName, "MSFT", "6", "1", day("2024-01-04"), day("2024-01-05"))),
                new Exposure(3, 5), MetricSettings.daily());
        PerformanceSummary strategy = PerformanceSummary.of(strategyName, daily("100", "110", "99", "108.9", "119.79"),
                run.roundTrips(), new Exposure(3, 5), MetricSettings.daily());
        Fill fill = Fill.of("t1", "A", strategyName, "AAPL", Side.BUY, Quantity.of("10"), Price.of("100.25", Currency.USD),
                Money.of("1", Currency.USD), Instant.parse("2024-01-02T14:30:00Z"));
        List<ReportModel.Parameter> parameters = List.of(new ReportModel.Parameter("strategy", strategyName),
                new ReportModel.Parameter("fast", "10"), new ReportModel.Parameter("data", "SPX=<spx & co>.csv"));
        return ReportModel.of(title, parameters, new RunPerformance(run, List.of(strategy)), List.of(fill));
    }

    @Test
    void everySectionIsThereWithItsValues() {
        String html = HtmlReport.render(model("SMA cross on SPX", "sma-cross"));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        for (String id : List.of("parameters", "equity", "drawdown", "monthly", "metrics", "strategies", "trades", "fills")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        assertThat(html).contains("<title>SMA cross on SPX</title>", "<h1>SMA cross on SPX</h1>");
        assertThat(html).contains("2024-01-02 – 2024-01-06 · 5 bars · USD");
        assertThat(html).contains("<div class=\"label\">Final equity</div><div class=\"value\">119.79</div>");
        assertThat(html).contains("<div class=\"label\">Total return</div><div class=\"value\">19.79%</div>");
        assertThat(html).contains("<div class=\"label\">Sharpe</div><div class=\"value\">7.94</div>");
        assertThat(html).contains("<div class=\"label\">Max drawdown</div><div class=\"value\">10.00%</div>");
        assertThat(html).contains("<tr><th scope=\"row\">fast</th><td>10</td></tr>");
        // metrics table: run and the strategy side by side
        assertThat(html).contains("<thead><tr><th>Metric</th><th>run</th><th>sma-cross</th></tr></thead>");
        assertThat(html).contains("<th scope=\"row\" title=\"profitFactor\">Profit factor</th><td class=\"num\">6.00</td>");
        assertThat(html).contains("<th scope=\"row\" title=\"winRate\">Win rate</th><td class=\"num\">66.67%</td>");
        // monthly returns: January 2024 = 1.1979 − 1 (all four returns)
        assertThat(html).contains("<tr><th scope=\"row\">2024</th><td class=\"num\" style=\"background:rgba(22,163,74,0.80)\">19.79%</td>");
        // trades in exit order, with their net P&L coloured
        assertThat(count(html, "<tr><td class=\"num\">\\d+</td><td>sma-cross</td>")).isEqualTo(3);
        assertThat(html).contains("<td class=\"num loss\">-3</td>");
        assertThat(html).contains("<summary>1 fill</summary>", "<td>2024-01-02 14:30Z</td>", "<td class=\"num\">100.25</td>");
        // two charts of the run and one of the strategy
        assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(3);
        assertThat(html).doesNotContain("generated");
    }

    @Test
    void everyTextIsEscaped() {
        String html = HtmlReport.render(model("<script>alert('x')</script> & \"more\"", "evil<b>"));
        assertThat(html).doesNotContain("<script", "<b>", "alert('x')");
        assertThat(html).contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</h1>");
        assertThat(html).contains("<th>evil&lt;b&gt;</th>", "<td>SPX=&lt;spx &amp; co&gt;.csv</td>");
    }

    @Test
    void itIsSelfContained() {
        String html = HtmlReport.render(model("t", "s"));
        assertThat(html).doesNotContain("<script", "src=", "href=", "url(", "@import", "<link");
        // the only URL is the SVG namespace name, which is never fetched
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
    }

    @Test
    void theSameModelGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("a.html");
        Path second = dir.resolve("b.html");
        HtmlReport.write(model("Run", "s"), first);
        HtmlReport.write(model("Run", "s"), second);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).isEqualTo(HtmlReport.render(model("Run", "s")));
        String stamped = HtmlReport.render(model("Run", "s").generatedAt(Instant.parse("2024-06-01T12:00:00Z")));
        assertThat(stamped).contains(" · generated 2024-06-01T12:00:00Z");
    }

    @Test
    void aLongCurveIsDrawnWithAtMostTwoThousandPoints() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD);
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            b.append(t0.plusSeconds(60L * i), BigDecimal.valueOf(100_000 + (i * 7919L % 10_007), 2));
        }
        PerformanceSummary run = PerformanceSummary.of("run", b.build(), List.of(), new Exposure(0, 200_000), MetricSettings.daily());
        String html = HtmlReport.render(ReportModel.of("long", List.of(), new RunPerformance(run, List.of()), List.of()));
        Matcher polyline = Pattern.compile("<polyline class=\"line\" points=\"([^\"]*)\"").matcher(html);
        assertThat(polyline.find()).isTrue();
        assertThat(polyline.group(1).split(" ")).hasSizeLessThanOrEqualTo(2000).hasSizeGreaterThan(1000);
        assertThat(html).doesNotContain("<section id=\"strategies\">");
        assertThat(html).contains("No finished round trips.", "<summary>0 fills</summary>", "No parameters given.");
        assertThat(html.length()).isLessThan(200_000);
    }

    @Test
    void aSinglePointAndAFlatCurveStillDraw() {
        PerformanceSummary one = PerformanceSummary.of("run", daily("1000"), List.of(), new Exposure(0, 1), MetricSettings.daily());
        String html = HtmlReport.render(ReportModel.of("one", List.of(), new RunPerformance(one, List.of()), List.of()));
        assertThat(html).contains("<circle class=\"dot\"", "No returns to tabulate");
        assertThat(html).contains("<div class=\"label\">Total return</div><div class=\"value\">—</div>");
        PerformanceSummary flat = PerformanceSummary.of("run", daily("1000", "1000"), List.of(), new Exposure(0, 2), MetricSettings.daily());
        assertThat(HtmlReport.render(ReportModel.of("flat", List.of(), new RunPerformance(flat, List.of()), List.of())))
                .contains("<polyline class=\"line\" points=\"80.00,").doesNotContain("NaN", "Infinity");
    }

    @Test
    void everyChartIsWellFormedSvg() throws Exception {
        String html = HtmlReport.render(model("t", "s"));
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        var parser = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        int charts = 0;
        while (svg.find()) {
            var doc = parser.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(doc.getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(1);
            charts++;
        }
        assertThat(charts).isEqualTo(3);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
