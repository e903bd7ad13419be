package io.tradebook.core.strategies;

import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code buy-and-hold}: the benchmark. At the close of the first bar of each of its symbols it
 * buys, with a DAY market order (filled at the next bar's open), an equal share of
 * {@code allocation × equity} in that symbol: {@code floor(allocation × equity at t / n / close at t)}
 * whole lots, n being the number of its symbols. It never sells; the position is valued at every
 * later close. One attempt per symbol: an order that is rejected or does not fill is not retried.
 * Mutable, one run only.
 */
public final class BuyAndHold implements Strategy {
    public static final String CODE = "buy-and-hold";

    private final Set<String> bought = new HashSet<>();

    BuyAndHold() {
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        String symbol = bar.symbol();
        if (!bought.add(symbol)) {
            return;
        }
        BigDecimal share = BigDecimal.valueOf(context.symbols().size());
        Money equity = context.equity();
        Money perSymbol = Money.of(equity.amount().divide(share, 20, RoundingMode.FLOOR), equity.currency());
        Quantity units = PositionSizing.units(context.parameters().allocation(), perSymbol, bar.closePrice(),
                context.instrument(symbol).lotSize());
        if (units.isPositive()) {
            context.buy(symbol, units);
        }
    }

    /** The catalog entry of {@code buy-and-hold}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "Buy and hold",
                "The benchmark: buys an equal share of allocation × equity in each of its symbols at the close of the symbol's first bar "
                        + "(filled at the next open) and holds it to the end.",
                StrategyCategory.PORTFOLIO, RiskLevel.HIGH, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of());

        @Override
        public StrategyMetadata metadata() {
            return METADATA;
        }

        @Override
        public Optional<StrategyExpectations> expectations() {
            return Optional.of(StrategyExpectations.referenceRun("0.0328", "0.5391"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new BuyAndHold();
        }
    }
}
