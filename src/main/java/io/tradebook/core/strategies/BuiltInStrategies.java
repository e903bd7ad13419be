package io.tradebook.core.strategies;

import java.util.List;

/**
 * The strategies that come with Tradebook, in the order the catalog lists them. A new built-in
 * is a {@link StrategyDefinition} added to this list (and described in {@code docs/strategies.md}).
 */
public final class BuiltInStrategies {
    private static final List<StrategyDefinition> ALL = List.of(
            new BuyAndHold.Definition(),
            new SmaCross.Definition());

    private BuiltInStrategies() {
    }

    public static List<StrategyDefinition> all() {
        return ALL;
    }
}
