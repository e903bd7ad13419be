package io.tradebook.core.strategies;

import java.math.BigDecimal;
import java.util.List;

/**
 * The strategies that come with Tradebook, in the order the catalog lists them. A new built-in
 * is a {@link StrategyDefinition} added to this list (and described in {@code docs/strategies.md}).
 */
public final class BuiltInStrategies {
    /**
     * The minimum capital of every built-in, in the account's currency: below it, whole-unit
     * sizing of an instrument priced in the hundreds leaves much of the allocation idle, and a
     * fixed commission per order takes a large share of each trade (docs/strategies.md).
     */
    public static final BigDecimal MIN_CAPITAL = new BigDecimal("1000");

    private static final List<StrategyDefinition> ALL = List.of(
            new BuyAndHold.Definition(),
            new SmaCross.Definition(),
            new EmaCross.Definition(),
            new RsiReversion.Definition(),
            new RsiDmi.Definition(),
            new BollingerReversion.Definition(),
            new DonchianBreakout.Definition());

    private BuiltInStrategies() {
    }

    public static List<StrategyDefinition> all() {
        return ALL;
    }
}
