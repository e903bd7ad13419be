package io.tradebook.core.strategies;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A strategy's parameter values: one value for every parameter it declares, in the order it
 * declares them, each checked against its {@link ParameterSpec}. Immutable.
 *
 * <p>{@link #of} refuses, with an {@link IllegalArgumentException} that names the parameter, a
 * name the strategy does not declare and a value its spec refuses. The typed getters refuse a
 * name that is not declared or of another type (a programming error in the strategy).
 */
public final class Parameters {
    private final List<ParameterSpec> specs;
    private final Map<String, Object> values;

    private Parameters(List<ParameterSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** Every parameter at its default. */
    public static Parameters defaults(List<ParameterSpec> specs) {
        return of(specs, Map.of());
    }

    /**
     * The values given as text (name → text), every other parameter at its default. Refuses a name
     * not among {@code specs} (listing the names there are) and a value its spec refuses.
     */
    public static Parameters of(List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' is declared twice");
            }
        }
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("there is no parameter '" + name + "'; the parameters are "
                        + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String text = given.get(spec.name());
            values.put(spec.name(), text == null ? spec.defaultValue() : spec.parse(text));
        }
        return new Parameters(List.copyOf(specs), Collections.unmodifiableMap(values));
    }

    /** These values with {@code name} set from {@code text}; refuses like {@link #of}. */
    public Parameters with(String name, String text) {
        Map<String, String> given = new LinkedHashMap<>(asText());
        given.put(name, text);
        return of(specs, given);
    }

    /** The value of a whole-number parameter; refuses one that does not fit an {@code int}. */
    public int integer(String name) {
        return ((BigDecimal) value(name, ParameterType.INTEGER)).intValueExact();
    }

    /** The exact value of a number parameter (whole or decimal). */
    public BigDecimal decimal(String name) {
        Object v = values.get(name);
        if (!(v instanceof BigDecimal b)) {
            throw new IllegalArgumentException(v == null ? "no parameter '" + name + "'" : "parameter '" + name + "' is not a number");
        }
        return b;
    }

    /** A number parameter as a double, for comparing with indicator values. */
    public double number(String name) {
        return decimal(name).doubleValue();
    }

    /** The value of a true/false parameter. */
    public boolean flag(String name) {
        return (Boolean) value(name, ParameterType.BOOLEAN);
    }

    /** The fraction of the strategy's equity a new position gets (the {@code allocation} every strategy takes). */
    public BigDecimal allocation() {
        return decimal(ParameterSpec.ALLOCATION);
    }

    private Object value(String name, ParameterType type) {
        ParameterSpec spec = spec(name);
        if (spec.type() != type) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + spec.type().description() + ", not "
                    + type.description());
        }
        return values.get(name);
    }

    private ParameterSpec spec(String name) {
        for (ParameterSpec s : specs) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** The declared parameters, in order. */
    public List<ParameterSpec> specs() {
        return specs;
    }

    /** Every value as plain text, in declaration order: {@code fast → "10"}, {@code allocation → "0.95"}. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            text.put(spec.name(), spec.format(values.get(spec.name())));
        }
        return Collections.unmodifiableMap(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.asText().equals(asText());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asText());
    }

    /** {@code fast=10, slow=30, allocation=0.95}. */
    @Override
    public String toString() {
        return asText().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
