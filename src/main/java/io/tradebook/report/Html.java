package io.tradebook.report;

import io.tradebook.core.analytics.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Text for the HTML report: escaping, and the fixed formats numbers and times are printed in.
 * Every format is computed with integer or {@code BigDecimal} arithmetic, never the platform's
 * locale or its double-to-text conversion, so the output is the same on every machine.
 */
final class Html {
    private Html() {
    }

    /** {@code text} with {@code & < > " '} escaped, safe in element content and in quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A fraction as a percentage with two decimals ({@code 0.12345} → {@code 12.35%}); a dash or ∞ when not finite. */
    static String percent(Metric m) {
        return m.decimal().map(d -> d.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%")
                .orElseGet(() -> notFinite(m));
    }

    /** A ratio with two decimals ({@code 1.987} → {@code 1.99}); a dash or ∞ when not finite. */
    static String ratio(Metric m) {
        return m.decimal().map(d -> d.setScale(2, RoundingMode.HALF_EVEN).toPlainString()).orElseGet(() -> notFinite(m));
    }

    /** The metric with its ten significant digits, as the JSON prints it; a dash or ∞ when not finite. */
    static String exact(Metric m) {
        String plain = m.plain();
        return plain != null ? plain : notFinite(m);
    }

    private static String notFinite(Metric m) {
        return switch (m.kind()) {
            case POSITIVE_INFINITY -> "∞";
            case NEGATIVE_INFINITY -> "−∞";
            default -> "—";
        };
    }

    /** A money amount or decimal, exact, trailing zeros dropped. */
    static String decimal(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** A time in UTC: the date alone at midnight (daily bars), else date and time to the second or finer. */
    static String time(Instant t) {
        if (t == null) {
            return "";
        }
        var utc = t.atOffset(ZoneOffset.UTC);
        if (utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return utc.toLocalDate().toString();
        }
        return utc.toLocalDate() + " " + utc.toLocalTime() + "Z";
    }

    /** {@code v} with two decimals, half away from zero, for SVG coordinates. */
    static String fixed2(double v) {
        long hundredths = Math.round(v * 100);
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long frac = abs % 100;
        return sign + (abs / 100) + "." + (frac < 10 ? "0" : "") + frac;
    }
}
