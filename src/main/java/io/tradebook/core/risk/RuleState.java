package io.tradebook.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a rule saw on its last check (seed 004 {@code current_value}, {@code is_violated},
 * {@code violation_message}). Immutable; the engine replaces it after every check that evaluates
 * the rule, and resets it when the rule is added or replaced.
 *
 * @param currentValue the figure last observed, in the rule's unit; null before the first check
 *                     and when the last check could not measure it
 * @param violated     whether the last check found the limit breached — also when the order was
 *                     let through because it only reduced the position
 * @param message      the last check's figures in words (empty before the first check); a store
 *                     writes it as {@code violation_message} when violated
 */
public record RuleState(RiskRule rule, BigDecimal currentValue, boolean violated, String message) {

    public RuleState {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The state of a rule never checked. */
    public static RuleState unchecked(RiskRule rule) {
        return new RuleState(rule, null, false, "");
    }

    public String ruleId() {
        return rule.id();
    }
}
