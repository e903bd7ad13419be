package io.tradebook.core.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;

/**
 * What one rule saw when it looked at one order: the figure it compares with its limit (in the
 * rule's unit; null when it could not be measured), whether the limit is breached, and the
 * numbers behind it as text, written only when someone reads them (most checks pass and nobody
 * does). Immutable.
 *
 * @param value    the observed figure in the rule's unit, or null when it could not be measured
 * @param breached whether the order would be denied by this rule (were it not only reducing)
 * @param detail   the figures in words, without the rule's name or scope
 */
record Observation(BigDecimal value, boolean breached, Supplier<String> detail) {

    /** Figures that could not be measured (no reference price, no positive base): the rule fails closed. */
    static Observation unmeasured(Supplier<String> detail) {
        return new Observation(null, true, detail);
    }

    /**
     * {@code part / whole} as a fraction rounded to 20 decimals, for display and the rule's state.
     * Decisions never divide: they cross-multiply. Rounding FLOOR where the rule denies at
     * {@code fraction ≥ limit} and CEILING where it denies at {@code fraction > limit} keeps the
     * shown figure on the same side of any limit of ≤ 20 decimals as the exact one.
     */
    static BigDecimal fraction(BigDecimal part, BigDecimal whole, RoundingMode towardsSameSide) {
        return part.divide(whole, RiskRule.LIMIT_SCALE, towardsSameSide);
    }

    /** Plain decimal text without exponent or trailing zeros, as money is written everywhere else. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
