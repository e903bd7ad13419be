package io.tradebook.core.risk;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of pre-trade risk rule; names match the {@code risk_rules.rule_type} CHECK. Each type
 * lists the units its limit may be given in: this is the one table {@link RiskRule} validates
 * against. The definitions are in {@code docs/risk.md}.
 */
public enum RuleType {
    /** |position after the order| in units, or valued at the reference price. */
    MAX_POSITION_SIZE(EnumSet.of(RuleUnit.QUANTITY, RuleUnit.NOTIONAL)),
    /** How many symbols the scope may hold at once; only orders that open a new symbol are limited. */
    MAX_OPEN_POSITIONS(EnumSet.of(RuleUnit.COUNT)),
    /** Loss since the start of the trading day, as money or as a share of day-start equity. */
    MAX_DAILY_LOSS(EnumSet.of(RuleUnit.AMOUNT, RuleUnit.FRACTION)),
    /** Fall from the high-water mark, as a share of the peak. */
    MAX_DRAWDOWN(EnumSet.of(RuleUnit.FRACTION)),
    /** Orders submitted today, before the one being checked. */
    MAX_ORDERS_PER_DAY(EnumSet.of(RuleUnit.COUNT)),
    /** Equity below which no new risk is taken. */
    MIN_CAPITAL_THRESHOLD(EnumSet.of(RuleUnit.AMOUNT)),
    /** Money one order puts at risk, as a share of equity now. */
    RISK_PER_TRADE(EnumSet.of(RuleUnit.FRACTION));

    private final Set<RuleUnit> units;

    RuleType(EnumSet<RuleUnit> units) {
        this.units = Collections.unmodifiableSet(units);
    }

    /** The units a limit of this type may be given in, in declaration order; unmodifiable. */
    public Set<RuleUnit> units() {
        return units;
    }

    public boolean accepts(RuleUnit unit) {
        return units.contains(unit);
    }
}
