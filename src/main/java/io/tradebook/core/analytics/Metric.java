package io.tradebook.core.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One statistic: a finite number, undefined (too few data, 0/0), or infinite (a positive amount
 * over a zero one, such as the profit factor without a losing trade). Immutable.
 *
 * <p>Printing is deterministic: {@link #decimal()} is the exact binary value of the double
 * rounded half-even to {@value #SIGNIFICANT_DIGITS} significant digits, trailing zeros dropped.
 * It never goes through {@code Double.toString}, whose shortest-digit output changed between JDK
 * releases. Undefined and infinite values have no decimal: JSON prints them as {@code null}
 * (see {@code docs/metrics.md}); {@link #kind()} tells which it is.
 */
public final class Metric {
    /** The significant digits every metric is printed and stored with. */
    public static final int SIGNIFICANT_DIGITS = 10;
    private static final MathContext PRINTED = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);
    private static final Metric UNDEFINED = new Metric(Double.NaN);

    /** What a metric holds. */
    public enum Kind {
        FINITE,
        UNDEFINED,
        POSITIVE_INFINITY,
        NEGATIVE_INFINITY
    }

    private final double value;

    private Metric(double value) {
        this.value = value;
    }

    /** {@code value} as a metric: NaN is undefined, an infinity is infinite, −0 is 0. */
    public static Metric of(double value) {
        if (Double.isNaN(value)) {
            return UNDEFINED;
        }
        return new Metric(value == 0.0 ? 0.0 : value);
    }

    /** A count, such as the number of trades. */
    public static Metric count(long n) {
        return new Metric(n);
    }

    public static Metric undefined() {
        return UNDEFINED;
    }

    public Kind kind() {
        if (Double.isNaN(value)) {
            return Kind.UNDEFINED;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? Kind.POSITIVE_INFINITY : Kind.NEGATIVE_INFINITY;
        }
        return Kind.FINITE;
    }

    /** True for a finite number. */
    public boolean isFinite() {
        return Double.isFinite(value);
    }

    /** The raw double: NaN when undefined, an infinity when infinite. */
    public double value() {
        return value;
    }

    /** The value rounded to {@value #SIGNIFICANT_DIGITS} significant digits, present when finite. */
    public Optional<BigDecimal> decimal() {
        if (!isFinite()) {
            return Optional.empty();
        }
        if (value == 0.0) {
            return Optional.of(BigDecimal.ZERO);
        }
        BigDecimal rounded = new BigDecimal(value).round(PRINTED).stripTrailingZeros();
        return Optional.of(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
    }

    /** {@link #decimal()} as plain text ({@code "1.234567891"}, {@code "-0.05"}, {@code "12"}), or null when not finite. */
    public String plain() {
        return decimal().map(BigDecimal::toPlainString).orElse(null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && Double.compare(m.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return switch (kind()) {
            case FINITE -> plain();
            case UNDEFINED -> "undefined";
            case POSITIVE_INFINITY -> "+infinity";
            case NEGATIVE_INFINITY -> "-infinity";
        };
    }
}
