package io.tradebook.core.backtest;

import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.StrategyDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One strategy in a run: its name (its activation on the run's account, and its book), what it
 * is, its parameter values, its budget, and the symbols it trades. Immutable.
 *
 * <p>Refuses a name that is not 1–50 letters, digits, {@code .}, {@code -} or {@code _}; parameter
 * values that are not the definition's or that its {@link StrategyDefinition#check} refuses (the
 * message names the strategy); a budget outside (0, 1]; and a symbol listed twice.
 *
 * @param budget  the fraction of the run's starting cash moved into the strategy's segregated
 *                budget, in (0, 1]; null when it trades from the account's shared pool
 * @param symbols the symbols it trades; empty for every symbol of the run
 */
public record StrategyInstance(String name, StrategyDefinition definition, Parameters parameters, BigDecimal budget,
                               List<String> symbols) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,50}");

    public StrategyInstance {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a strategy's name in a run is 1 to 50 letters, digits, '.', '-' or '_': '" + name + "'");
        }
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(parameters, "parameters");
        String code = definition.metadata().code();
        if (!parameters.specs().equals(definition.metadata().parameters())) {
            throw new IllegalArgumentException("strategy " + name + ": the parameter values are not those of " + code);
        }
        String label = "strategy " + name + (name.equals(code) ? "" : " (" + code + ")");
        definition.check(parameters).ifPresent(problem -> {
            throw new IllegalArgumentException(label + ": " + problem);
        });
        if (budget != null && (budget.signum() <= 0 || budget.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("strategy " + name + ": a budget is a fraction of the cash above 0 and at most 1, not "
                    + budget.toPlainString());
        }
        symbols = List.copyOf(symbols);
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("strategy " + name + ": a symbol is listed twice in " + symbols);
        }
    }

    /** The definition at its default parameters, on the shared pool, trading every symbol, named by its code. */
    public static StrategyInstance of(StrategyDefinition definition) {
        return new StrategyInstance(definition.metadata().code(), definition, definition.metadata().defaults(), null, List.of());
    }

    /** This strategy with other parameter values. */
    public StrategyInstance withParameters(Parameters values) {
        return new StrategyInstance(name, definition, values, budget, symbols);
    }

    /** This strategy under another name. */
    public StrategyInstance named(String newName) {
        return new StrategyInstance(newName, definition, parameters, budget, symbols);
    }

    /** This strategy with a segregated budget of {@code fraction} of the starting cash (null: the shared pool). */
    public StrategyInstance withBudget(BigDecimal fraction) {
        return new StrategyInstance(name, definition, parameters, fraction, symbols);
    }

    /** This strategy trading only {@code only}. */
    public StrategyInstance trading(List<String> only) {
        return new StrategyInstance(name, definition, parameters, budget, only);
    }

    /** The catalog code of what it runs. */
    public String code() {
        return definition.metadata().code();
    }
}
