package io.tradebook.report;

import io.tradebook.core.analytics.EquityCurve;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Inline SVG charts of an equity curve, drawn in Java: the equity line, and the underwater
 * (drawdown) area below its running peak. Long curves are cut down by {@link Downsampling},
 * keeping their extremes. Coordinates are printed with two decimals by integer arithmetic, so the
 * same curve always gives the same text. Stateless.
 */
final class SvgChart {
    static final int WIDTH = 960;
    static final int HEIGHT = 260;
    private static final int LEFT = 80;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int TICKS = 5;

    private SvgChart() {
    }

    /** The equity line of {@code curve}, labelled with amounts. */
    static String equity(EquityCurve curve, String label) {
        double[] y = new double[curve.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = curve.equity(i).doubleValue();
        }
        return chart(curve, y, label, false);
    }

    /**
     * The drawdown of every point of {@code curve} below its running peak, {@code e / peak − 1},
     * as a filled area from zero down, labelled in percent. A curve that starts at or below zero
     * has no peak to measure from and is drawn flat.
     */
    static String underwater(EquityCurve curve, String label) {
        double[] y = new double[curve.size()];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            double e = curve.equity(i).doubleValue();
            peak = Math.max(peak, e);
            y[i] = peak > 0 ? e / peak - 1.0 : 0.0;
        }
        return chart(curve, y, label, true);
    }

    private static String chart(EquityCurve curve, double[] values, String label, boolean underwater) {
        int[] picked = Downsampling.extremes(values);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i : picked) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        if (underwater) {
            max = 0.0;
            min = Math.min(min, -0.01);
        } else if (!(max > min)) {
            double pad = Math.max(Math.abs(max) * 0.01, 1.0);
            min -= pad;
            max += pad;
        }
        long t0 = curve.time(0).getEpochSecond();
        long t1 = curve.time(curve.size() - 1).getEpochSecond();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(picked.length * 16 + 2048);
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
        gridAndLabels(svg, min, max, plotHeight, underwater);
        StringBuilder points = new StringBuilder(picked.length * 16);
        for (int i : picked) {
            double x = t1 == t0 ? LEFT + plotWidth / 2 : LEFT + plotWidth * (curve.time(i).getEpochSecond() - t0) / (double) (t1 - t0);
            double y = TOP + plotHeight * (max - values[i]) / (max - min);
            points.append(Html.fixed2(x)).append(',').append(Html.fixed2(y)).append(' ');
        }
        String line = points.toString().trim();
        if (underwater) {
            String zero = Html.fixed2(TOP + plotHeight * max / (max - min));
            String first = picked.length == 1 ? Html.fixed2(LEFT + plotWidth / 2) : Html.fixed2(LEFT);
            String last = picked.length == 1 ? first : Html.fixed2(LEFT + plotWidth);
            svg.append("<polygon class=\"area\" points=\"").append(first).append(',').append(zero).append(' ').append(line).append(' ')
                    .append(last).append(',').append(zero).append("\"/>\n");
        }
        svg.append("<polyline class=\"line").append(underwater ? " dd" : "").append("\" points=\"").append(line).append("\"/>\n");
        if (picked.length == 1) {
            String[] xy = line.split(",");
            svg.append("<circle class=\"dot\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3\"/>\n");
        }
        timeLabels(svg, curve.time(0), curve.time(curve.size() - 1));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void gridAndLabels(StringBuilder svg, double min, double max, double plotHeight, boolean percent) {
        for (int k = 0; k < TICKS; k++) {
            double value = max - (max - min) * k / (TICKS - 1);
            double y = TOP + plotHeight * k / (TICKS - 1);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(Html.fixed2(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(Html.fixed2(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(Html.fixed2(y + 4))
                    .append("\" text-anchor=\"end\">").append(axisLabel(value, max - min, percent)).append("</text>\n");
        }
    }

    /** A tick label with one decimal more than the step between ticks needs. */
    static String axisLabel(double value, double range, boolean percent) {
        double scaled = percent ? value * 100 : value;
        double step = (percent ? range * 100 : range) / (TICKS - 1);
        int decimals = step <= 0 ? 2 : Math.max(0, Math.min(8, 1 - (int) Math.floor(StrictMath.log10(step))));
        String text = new BigDecimal(scaled).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (text.matches("-0(\\.0*)?")) {
            text = text.substring(1);
        }
        return percent ? text + "%" : text;
    }

    private static void timeLabels(StringBuilder svg, Instant first, Instant last) {
        int y = HEIGHT - 8;
        svg.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(y).append("\">")
                .append(Html.escape(Html.time(first))).append("</text>");
        svg.append("<text class=\"axis\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(y).append("\" text-anchor=\"end\">")
                .append(Html.escape(Html.time(last))).append("</text>\n");
    }
}
