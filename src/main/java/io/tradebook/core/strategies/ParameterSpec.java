package io.tradebook.core.strategies;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a strategy declares: its name, type, default and bounds, and a line saying what it
 * does. Immutable. Numbers are exact ({@code BigDecimal}, so {@code 0.95} stays {@code 0.95});
 * bounds are inclusive, except that a lower bound may be marked exclusive ({@code > 0}).
 *
 * <p>{@link #parse} and {@link #check} refuse, with an {@link IllegalArgumentException} whose
 * message names the parameter, a value of the wrong kind and a value out of bounds. The
 * constructor refuses a name that is not lower-case letters, digits and underscores starting with
 * a letter, bounds on a flag, a lower bound above the upper one, and a default the spec itself
 * refuses.
 */
public final class ParameterSpec {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** The name every strategy's sizing parameter has. */
    public static final String ALLOCATION = "allocation";

    private final String name;
    private final ParameterType type;
    private final Object defaultValue;
    private final BigDecimal min;
    private final boolean minExclusive;
    private final BigDecimal max;
    private final String description;

    private ParameterSpec(String name, ParameterType type, Object defaultValue, BigDecimal min, boolean minExclusive, BigDecimal max,
                          String description) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a parameter name is lower-case letters, digits and underscores, starting with a letter"
                    + " (at most 40 characters): '" + name + "'");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        if (type == ParameterType.BOOLEAN && (min != null || max != null)) {
            throw new IllegalArgumentException("parameter '" + name + "' is true or false and cannot have bounds");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("parameter '" + name + "': lower bound " + plain(min) + " above upper bound " + plain(max));
        }
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.defaultValue = check(defaultValue);
    }

    /** A whole-number parameter in [{@code min}, {@code max}]. */
    public static ParameterSpec integer(String name, long defaultValue, long min, long max, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, BigDecimal.valueOf(defaultValue), BigDecimal.valueOf(min), false,
                BigDecimal.valueOf(max), description);
    }

    /** A decimal parameter in [{@code min}, {@code max}]; the numbers are decimal strings such as {@code "0.95"}. */
    public static ParameterSpec decimal(String name, String defaultValue, String min, String max, String description) {
        return new ParameterSpec(name, ParameterType.DECIMAL, new BigDecimal(defaultValue), new BigDecimal(min), false,
                new BigDecimal(max), description);
    }

    /** A fraction in (0, 1]: above zero, at most one. */
    public static ParameterSpec fraction(String name, String defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.DECIMAL, new BigDecimal(defaultValue), BigDecimal.ZERO, true, BigDecimal.ONE,
                description);
    }

    /** A true/false parameter. */
    public static ParameterSpec flag(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, null, false, null, description);
    }

    /**
     * The {@code allocation} every strategy takes: the fraction of the strategy's equity a new
     * position gets, in (0, 1], default 0.95. The default leaves room for the order path's
     * reservation on a market buy (the reference price plus 5%, docs/accounting.md), so that a
     * full-size buy is affordable in a CASH account; 1 works on a MARGIN account's pool.
     */
    public static ParameterSpec allocation() {
        return fraction(ALLOCATION, "0.95", "fraction of the strategy's equity put into a new position, rounded down to whole lots");
    }

    /**
     * Reads {@code text} as a value of this parameter: a plain decimal for numbers (no exponent),
     * {@code true} or {@code false} (any case) for a flag. Refuses, naming the parameter, text of
     * the wrong kind and a value out of bounds.
     */
    public Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a value: " + kind());
        }
        String t = text.strip();
        if (type == ParameterType.BOOLEAN) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
            throw new IllegalArgumentException("parameter '" + name + "' must be true or false, not '" + t + "'");
        }
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new IllegalArgumentException("parameter '" + name + "' must be " + kind() + ", not '" + t + "'");
        }
        return check(new BigDecimal(t));
    }

    /**
     * {@code value} as this parameter holds it (a {@code BigDecimal} for numbers, a {@code Boolean}
     * for a flag); refuses, naming the parameter, a value of the wrong kind or out of bounds.
     */
    public Object check(Object value) {
        if (type == ParameterType.BOOLEAN) {
            if (value instanceof Boolean) {
                return value;
            }
            throw new IllegalArgumentException("parameter '" + name + "' must be true or false, not " + value);
        }
        BigDecimal number;
        if (value instanceof BigDecimal b) {
            number = b;
        } else if (value instanceof Integer || value instanceof Long) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            throw new IllegalArgumentException("parameter '" + name + "' must be " + kind() + ", not " + value);
        }
        if (type == ParameterType.INTEGER) {
            if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("parameter '" + name + "' must be " + kind() + ", not " + plain(number));
            }
            number = number.setScale(0);
        }
        boolean belowMin = min != null && (minExclusive ? number.compareTo(min) <= 0 : number.compareTo(min) < 0);
        boolean aboveMax = max != null && number.compareTo(max) > 0;
        if (belowMin || aboveMax) {
            throw new IllegalArgumentException("parameter '" + name + "' must be " + kind() + ", not " + plain(number));
        }
        return number;
    }

    /** What the parameter accepts, as messages say it: "a whole number from 1 to 1000", "a number above 0 and at most 1". */
    public String kind() {
        if (type == ParameterType.BOOLEAN) {
            return type.description();
        }
        StringBuilder s = new StringBuilder(type.description());
        if (min != null && max != null && !minExclusive) {
            s.append(" from ").append(plain(min)).append(" to ").append(plain(max));
        } else {
            if (min != null) {
                s.append(minExclusive ? " above " : " of at least ").append(plain(min));
            }
            if (max != null) {
                s.append(min != null ? " and" : "").append(" at most ").append(plain(max));
            }
        }
        return s.toString();
    }

    /** A value of this parameter as plain text: {@code 10}, {@code 0.95}, {@code true}. */
    public String format(Object value) {
        return value instanceof BigDecimal b ? plain(b) : String.valueOf(value);
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    public String name() {
        return name;
    }

    public ParameterType type() {
        return type;
    }

    /** The default: a {@code BigDecimal} for numbers, a {@code Boolean} for a flag. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** The lower bound, or null; see {@link #minExclusive()}. */
    public BigDecimal min() {
        return min;
    }

    /** True when the lower bound itself is not allowed (the value must be above it). */
    public boolean minExclusive() {
        return minExclusive;
    }

    /** The upper bound (inclusive), or null. */
    public BigDecimal max() {
        return max;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p && p.name.equals(name) && p.type == type && p.defaultValue.equals(defaultValue)
                && Objects.equals(p.min, min) && p.minExclusive == minExclusive && Objects.equals(p.max, max)
                && p.description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, min, max);
    }

    @Override
    public String toString() {
        return name + " (" + kind() + ", default " + format(defaultValue) + ")";
    }
}
