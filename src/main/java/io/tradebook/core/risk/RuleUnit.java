package io.tradebook.core.risk;

/**
 * How a risk rule's limit reads; names match the {@code risk_rules.rule_unit} CHECK.
 *
 * <p>AMOUNT and NOTIONAL limits are money in the account's base currency (an account has one,
 * see {@code docs/accounting.md}); the rule stores only the number.
 */
public enum RuleUnit {
    /** A number of units of an instrument (shares, contracts, coins). */
    QUANTITY,
    /** The value of a position: units × reference price, in the account's currency. */
    NOTIONAL,
    /** An amount of money in the account's currency. */
    AMOUNT,
    /** A share between 0 and 1 of some base (equity, day-start equity, peak equity). */
    FRACTION,
    /** A whole number of things (positions, orders). */
    COUNT
}
