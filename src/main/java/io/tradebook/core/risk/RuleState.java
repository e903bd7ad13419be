package io.tradebook.core.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a rule saw on its last check (seed 004 {@code current_value}, {@code is_violated},
 * {@code violation_message}). Immutable; the engine replaces it after every check that evaluates
 * the rule, and resets it when the rule is added or replaced. The message is written on first
 * read, since most checks pass and their words are never looked at.
 */
public final class RuleState {
    private final RiskRule rule;
    private final BigDecimal currentValue;
    private final boolean violated;
    private Supplier<String> words;
    private String message;

    /**
     * @param currentValue the figure last observed, in the rule's unit; null before the first check
     *                     and when the last check could not measure it
     * @param violated     whether the last check found the limit breached — also when the order was
     *                     let through because it only reduced the position
     * @param message      the last check's figures in words (empty before the first check); a store
     *                     writes it as {@code violation_message} when violated
     */
    public RuleState(RiskRule rule, BigDecimal currentValue, boolean violated, String message) {
        this(rule, currentValue, violated, written(message));
    }

    private static Supplier<String> written(String message) {
        Objects.requireNonNull(message, "message");
        return () -> message;
    }

    /** A state whose message is written by {@code message} when first read. */
    public RuleState(RiskRule rule, BigDecimal currentValue, boolean violated, Supplier<String> message) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.currentValue = currentValue;
        this.violated = violated;
        this.words = Objects.requireNonNull(message, "message");
    }

    /** The state of a rule never checked. */
    public static RuleState unchecked(RiskRule rule) {
        return new RuleState(rule, null, false, "");
    }

    public RiskRule rule() {
        return rule;
    }

    public String ruleId() {
        return rule.id();
    }

    public BigDecimal currentValue() {
        return currentValue;
    }

    public boolean violated() {
        return violated;
    }

    /** The last check's figures in words; empty before the first check. */
    public synchronized String message() {
        if (message == null) {
            message = words.get();
            words = null;
        }
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleState other && rule.equals(other.rule) && Objects.equals(currentValue, other.currentValue)
                && violated == other.violated && message().equals(other.message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, currentValue, violated, message());
    }

    @Override
    public String toString() {
        return "RuleState[rule=" + rule.id() + ", currentValue=" + currentValue + ", violated=" + violated + ", message=" + message() + "]";
    }
}
