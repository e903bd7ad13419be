package io.tradebook.core.backtest;

import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.StrategyMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run needs: the bar series (one per symbol, in the order they are processed within
 * a time step), the strategies, and the settings. Immutable; checked whole on construction, so a
 * plan that exists can run.
 *
 * <p>Each strategy's <b>capital</b>: its budget (its fraction of the starting cash) when it has
 * one, else the shared pool at the start (the cash the budgets leave). Refuses: no series or no
 * strategy; two series of one symbol; a series in another currency than the cash; two strategies
 * with one name; a strategy trading a symbol without a series; budgets adding up to more than the
 * cash; a strategy on the shared pool when the budgets take all of it; and a capital below the
 * strategy's minimum capital (seed 004's {@code min_capital}).
 */
public record BacktestPlan(List<BarSeries> series, List<StrategyInstance> strategies, BacktestSettings settings) {

    public BacktestPlan {
        series = List.copyOf(series);
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(settings, "settings");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs bars of at least one symbol");
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one strategy");
        }
        Set<String> symbols = new HashSet<>();
        for (BarSeries s : series) {
            if (!symbols.add(s.symbol())) {
                throw new IllegalArgumentException("two series of " + s.symbol());
            }
            if (s.instrument().currency() != settings.cash().currency()) {
                throw new IllegalArgumentException(s.symbol() + " trades in " + s.instrument().currency() + " but the cash is in "
                        + settings.cash().currency());
            }
        }
        Set<String> names = new HashSet<>();
        BigDecimal budgets = BigDecimal.ZERO;
        for (StrategyInstance s : strategies) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two strategies are named " + s.name() + "; give each its own name");
            }
            for (String symbol : s.symbols()) {
                if (!symbols.contains(symbol)) {
                    throw new IllegalArgumentException("strategy " + s.name() + " trades " + symbol + ", which has no bars in this run");
                }
            }
            if (s.budget() != null) {
                budgets = budgets.add(s.budget());
            }
        }
        if (budgets.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the budgets add up to " + budgets.stripTrailingZeros().toPlainString()
                    + " of the cash; they may take at most all of it (1)");
        }
        Money pool = pool(settings.cash(), budgets);
        for (StrategyInstance s : strategies) {
            Money capital = s.budget() == null ? pool : budget(settings.cash(), s.budget());
            if (s.budget() == null && pool.signum() <= 0) {
                throw new IllegalArgumentException("strategy " + s.name() + " trades from the shared pool, but the budgets take all the cash");
            }
            StrategyMetadata meta = s.definition().metadata();
            if (meta.minCapital() != null && capital.amount().compareTo(meta.minCapital()) < 0) {
                throw new IllegalArgumentException("strategy " + s.name() + (s.name().equals(meta.code()) ? "" : " (" + meta.code() + ")")
                        + " needs a capital of at least "
                        + meta.minCapital().stripTrailingZeros().toPlainString() + " " + capital.currency() + " but would get "
                        + capital.toPlainString());
            }
        }
    }

    /** The plan with {@code replacement} in place of the strategy of the same name. */
    public BacktestPlan with(StrategyInstance replacement) {
        List<StrategyInstance> changed = new ArrayList<>();
        boolean found = false;
        for (StrategyInstance s : strategies) {
            found |= s.name().equals(replacement.name());
            changed.add(s.name().equals(replacement.name()) ? replacement : s);
        }
        if (!found) {
            throw new IllegalArgumentException("no strategy named " + replacement.name() + " in the plan");
        }
        return new BacktestPlan(series, changed, settings);
    }

    /** The plan with every series cut to [{@code from}, {@code until}); refuses a series with no bar there. */
    public BacktestPlan between(Instant from, Instant until) {
        return new BacktestPlan(series.stream().map(s -> s.between(from, until)).toList(), strategies, settings);
    }

    /** Each strategy's capital, by name, in plan order. */
    public Map<String, Money> capital() {
        BigDecimal budgets = BigDecimal.ZERO;
        for (StrategyInstance s : strategies) {
            if (s.budget() != null) {
                budgets = budgets.add(s.budget());
            }
        }
        Money pool = pool(settings.cash(), budgets);
        Map<String, Money> capital = new LinkedHashMap<>();
        for (StrategyInstance s : strategies) {
            capital.put(s.name(), s.budget() == null ? pool : budget(settings.cash(), s.budget()));
        }
        return capital;
    }

    /** The symbols each strategy trades: its own list, or every symbol of the run in series order. */
    public List<String> symbolsOf(StrategyInstance strategy) {
        return strategy.symbols().isEmpty() ? series.stream().map(BarSeries::symbol).toList() : strategy.symbols();
    }

    /** The total number of bars over every series. */
    public long bars() {
        long n = 0;
        for (BarSeries s : series) {
            n += s.size();
        }
        return n;
    }

    static Money budget(Money cash, BigDecimal fraction) {
        return Money.of(cash.amount().multiply(fraction), cash.currency());
    }

    private static Money pool(Money cash, BigDecimal budgets) {
        return cash.minus(budget(cash, budgets));
    }
}
