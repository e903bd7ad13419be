package io.tradebook.core.strategies;

import io.tradebook.core.marketdata.Timeframe;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the catalog says about a strategy, as the {@code strategies} table keeps it: a unique code
 * ({@code sma-cross}), a display name, a description, a category, a risk level, the capital it
 * needs at least, the timeframe and symbols it is meant for, and the parameters it declares.
 * Immutable.
 *
 * <p>Every strategy takes {@code allocation} ({@link ParameterSpec#allocation()}): when the
 * declared parameters do not include it, it is added at the end.
 *
 * <p>Refuses a code that is not 1–50 lower-case letters, digits, {@code -} and {@code _}
 * (starting with a letter or digit), a blank name or one over 100 characters, a negative minimum
 * capital, blank symbols, and two parameters with one name.
 *
 * @param minCapital the least capital (in the account's currency) a run or an activation must
 *                   give the strategy; null for none
 * @param timeframe  the bar length it is meant for; null when any will do
 * @param symbols    the symbols it is meant for by default; empty when any will do
 */
public record StrategyMetadata(String code, String name, String description, StrategyCategory category, RiskLevel riskLevel,
                               BigDecimal minCapital, Timeframe timeframe, List<String> symbols, List<ParameterSpec> parameters) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    public StrategyMetadata {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a strategy code is 1 to 50 lower-case letters, digits, '-' and '_': '" + code + "'");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("strategy " + code + " needs a name of 1 to 100 characters");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(riskLevel, "riskLevel");
        if (minCapital != null && minCapital.signum() < 0) {
            throw new IllegalArgumentException("strategy " + code + ": minimum capital must not be negative");
        }
        symbols = List.copyOf(symbols);
        for (String s : symbols) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("strategy " + code + ": a blank symbol");
            }
        }
        Set<String> names = new HashSet<>();
        List<ParameterSpec> all = new ArrayList<>();
        for (ParameterSpec p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("strategy " + code + " declares parameter '" + p.name() + "' twice");
            }
            all.add(p);
        }
        if (!names.contains(ParameterSpec.ALLOCATION)) {
            all.add(ParameterSpec.allocation());
        }
        parameters = List.copyOf(all);
    }

    /** Metadata for any timeframe and symbol, without a minimum capital. */
    public static StrategyMetadata of(String code, String name, String description, StrategyCategory category, RiskLevel riskLevel,
                                      List<ParameterSpec> parameters) {
        return new StrategyMetadata(code, name, description, category, riskLevel, null, null, List.of(), parameters);
    }

    /**
     * The parameter values given as text, the rest at their defaults. Refuses, with a message
     * starting with the strategy's code and naming the parameter, an unknown name or a bad value.
     */
    public Parameters parameters(Map<String, String> given) {
        try {
            return Parameters.of(parameters, given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(code + ": " + e.getMessage(), e);
        }
    }

    /** Every parameter at its default. */
    public Parameters defaults() {
        return Parameters.defaults(parameters);
    }
}
