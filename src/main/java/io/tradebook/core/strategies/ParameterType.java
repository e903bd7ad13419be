package io.tradebook.core.strategies;

/** The kinds of value a strategy parameter takes: a whole number, a decimal number, or true/false. */
public enum ParameterType {
    INTEGER("a whole number"),
    DECIMAL("a number"),
    BOOLEAN("true or false");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    /** How a message names the kind: "a whole number", "a number", "true or false". */
    public String description() {
        return description;
    }
}
