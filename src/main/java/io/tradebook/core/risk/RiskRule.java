package io.tradebook.core.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One pre-trade risk rule as configured (seed 004 {@code risk_rules}): a type, a limit in a unit,
 * and the scope it watches. Immutable; validated on construction.
 *
 * <p>Refuses: blank ids, accounts, strategies or symbols; a negative limit or one with more than
 * 20 decimals (the {@code NUMERIC(38,20)} column); a unit its type does not take
 * ({@link RuleType#units()}); a FRACTION above 1; a COUNT that is not whole; and a symbol on any
 * type but MAX_POSITION_SIZE, where it would silently mean nothing.
 *
 * @param id       the rule's id ({@code risk_rules.id})
 * @param account  the account the rule belongs to
 * @param strategy null for a rule on the whole account; else the rule reads that strategy's
 *                 figures and only applies to that strategy's orders
 * @param limit    the threshold, read in {@code unit}; never negative
 * @param symbol   null for every symbol; else the one symbol a MAX_POSITION_SIZE rule watches
 */
public record RiskRule(String id, String account, String strategy, RuleType type, RuleUnit unit, BigDecimal limit,
                       String symbol) {

    /** Limits are stored as {@code NUMERIC(38,20)}; a fraction with more decimals could not be stored. */
    static final int LIMIT_SCALE = 20;

    public RiskRule {
        requireText(id, "rule id", true);
        requireText(account, "account", true);
        requireText(strategy, "strategy", false);
        requireText(symbol, "symbol", false);
        Objects.requireNonNull(type, "rule type");
        Objects.requireNonNull(unit, "rule unit");
        Objects.requireNonNull(limit, "limit");
        if (limit.signum() < 0) {
            throw new IllegalArgumentException(type + " limit must not be negative: " + limit.toPlainString() + " (rule " + id + ")");
        }
        if (limit.stripTrailingZeros().scale() > LIMIT_SCALE) {
            throw new IllegalArgumentException(type + " limit has more than " + LIMIT_SCALE + " decimals: "
                    + limit.toPlainString() + " (rule " + id + ")");
        }
        if (!type.accepts(unit)) {
            throw new IllegalArgumentException(type + " takes a limit in "
                    + type.units().stream().map(Enum::name).collect(Collectors.joining(" or ")) + ", not " + unit
                    + " (rule " + id + ")");
        }
        if (unit == RuleUnit.FRACTION && limit.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(type + " limit is a FRACTION and must be between 0 and 1: "
                    + limit.toPlainString() + " (rule " + id + ")");
        }
        if (unit == RuleUnit.COUNT && limit.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(type + " limit is a COUNT and must be a whole number: "
                    + limit.toPlainString() + " (rule " + id + ")");
        }
        if (symbol != null && type != RuleType.MAX_POSITION_SIZE) {
            throw new IllegalArgumentException(type + " does not take a symbol, only MAX_POSITION_SIZE does: "
                    + symbol + " (rule " + id + ")");
        }
    }

    /** A rule on the whole account, for every symbol. */
    public static RiskRule onAccount(String id, String account, RuleType type, RuleUnit unit, String limit) {
        return new RiskRule(id, account, null, type, unit, new BigDecimal(limit), null);
    }

    /** A rule narrowed to one strategy of the account, for every symbol. */
    public static RiskRule onStrategy(String id, String account, String strategy, RuleType type, RuleUnit unit, String limit) {
        return new RiskRule(id, account, strategy, type, unit, new BigDecimal(limit), null);
    }

    /** This rule narrowed to one symbol (MAX_POSITION_SIZE only). */
    public RiskRule forSymbol(String onlySymbol) {
        return new RiskRule(id, account, strategy, type, unit, limit, onlySymbol);
    }

    /** This rule with another limit, same id and scope: what {@link RiskEngine#replace} takes to change a limit. */
    public RiskRule withLimit(BigDecimal newLimit) {
        return new RiskRule(id, account, strategy, type, unit, newLimit, symbol);
    }

    /** Whether the rule watches the whole account rather than one strategy. */
    public boolean accountWide() {
        return strategy == null;
    }

    /** Whether this rule applies to an order of {@code orderStrategy} in {@code orderSymbol} on {@code orderAccount}. */
    public boolean appliesTo(String orderAccount, String orderStrategy, String orderSymbol) {
        return account.equals(orderAccount)
                && (strategy == null || strategy.equals(orderStrategy))
                && (symbol == null || symbol.equals(orderSymbol));
    }

    /** How messages name the rule's scope: {@code account rule r-1} or {@code strategy momentum rule r-2}. */
    public String scopeLabel() {
        return (strategy == null ? "account" : "strategy " + strategy) + " rule " + id;
    }

    private static void requireText(String value, String what, boolean required) {
        if (value == null) {
            if (required) {
                throw new NullPointerException(what);
            }
            return;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
