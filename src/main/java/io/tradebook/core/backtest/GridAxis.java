package io.tradebook.core.backtest;

import io.tradebook.core.strategies.ParameterSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a grid search and the values it takes, as text. Immutable. Written
 * {@code name=FROM..TO:STEP} (every value from FROM up to TO in steps of STEP, e.g.
 * {@code fast=5..20:5} for 5, 10, 15, 20; decimals allowed, computed exactly) or
 * {@code name=A,B,C} (a list; one value is a list too).
 *
 * <p>Refuses, naming the text, a missing name or value, a step that is not positive, a range
 * running backwards, values that are not plain numbers in a range, a value listed twice, and more
 * than {@value #MAX_VALUES} values.
 */
public record GridAxis(String parameter, List<String> values) {
    /** The most values one axis may have. */
    public static final int MAX_VALUES = 10_000;

    public GridAxis {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("a grid axis needs a parameter name");
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("grid axis " + parameter + " has no value");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("grid axis " + parameter + " lists a value twice: " + values);
        }
    }

    /** Parses {@code name=FROM..TO:STEP} or {@code name=A,B,C}. */
    public static GridAxis parse(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("a grid axis is name=FROM..TO:STEP or name=A,B,C, not '" + text + "'");
        }
        String name = text.substring(0, eq).strip();
        String spec = text.substring(eq + 1).strip();
        if (!spec.contains("..")) {
            List<String> list = new ArrayList<>();
            for (String v : spec.split(",", -1)) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("grid axis '" + text + "' has an empty value");
                }
                list.add(v.strip());
            }
            return new GridAxis(name, list);
        }
        String[] range = spec.split("\\.\\.", -1);
        String[] toAndStep = range.length == 2 ? range[1].split(":", -1) : new String[0];
        if (range.length != 2 || toAndStep.length != 2) {
            throw new IllegalArgumentException("grid axis '" + text + "': a range is FROM..TO:STEP, e.g. fast=5..20:5");
        }
        BigDecimal from = number(text, range[0]);
        BigDecimal to = number(text, toAndStep[0]);
        BigDecimal step = number(text, toAndStep[1]);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("grid axis '" + text + "': the step must be above 0");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("grid axis '" + text + "': the range runs backwards (" + range[0].strip() + " > "
                    + toAndStep[0].strip() + ")");
        }
        List<String> list = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            if (list.size() == MAX_VALUES) {
                throw new IllegalArgumentException("grid axis '" + text + "' has more than " + MAX_VALUES + " values");
            }
            list.add(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
        }
        return new GridAxis(name, list);
    }

    private static BigDecimal number(String text, String part) {
        String p = part.strip();
        if (!p.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new IllegalArgumentException("grid axis '" + text + "': '" + p + "' is not a plain number");
        }
        return new BigDecimal(p);
    }

    /** Refuses a value {@code spec} (this axis's parameter) refuses, naming the parameter and the value. */
    void checkAgainst(ParameterSpec spec) {
        for (String v : values) {
            spec.parse(v);
        }
    }
}
