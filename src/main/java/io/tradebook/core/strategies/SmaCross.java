package io.tradebook.core.strategies;

import io.tradebook.core.indicators.Sma;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sma-cross}: long-only moving-average crossover, per symbol. At the close of bar t, when
 * SMA(fast) crosses above SMA(slow) (fast &gt; slow at t and fast ≤ slow at t−1) and the strategy
 * holds nothing in the symbol and has no open order in it, it buys
 * {@code floor(allocation × equity at t / close at t)} units (whole lots) with a DAY market order;
 * when SMA(fast) crosses below SMA(slow) (fast &lt; slow at t and fast ≥ slow at t−1) and it is long,
 * it sells everything it holds with a DAY market order. Orders fill at the open of bar t+1. No
 * signal while either average is undefined (the first {@code slow} bars, and the bar where
 * {@code slow} first becomes defined, whose t−1 value is undefined). Mutable, one run only.
 */
public final class SmaCross implements Strategy {
    public static final String CODE = "sma-cross";

    private final int fastPeriod;
    private final int slowPeriod;
    private final Map<String, Averages> bySymbol = new HashMap<>();

    /** One symbol's two averages. */
    private record Averages(Sma fast, Sma slow) {
    }

    SmaCross(Parameters parameters) {
        this.fastPeriod = parameters.integer("fast");
        this.slowPeriod = parameters.integer("slow");
    }

    @Override
    public void onStart(StrategyContext context) {
        for (String symbol : context.symbols()) {
            bySymbol.put(symbol, new Averages(context.track(symbol, new Sma(fastPeriod)), context.track(symbol, new Sma(slowPeriod))));
        }
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        Averages a = bySymbol.get(bar.symbol());
        double fast = a.fast.value();
        double slow = a.slow.value();
        double fastBefore = a.fast.previous();
        double slowBefore = a.slow.previous();
        // comparisons with NaN are false, so an undefined average never signals
        if (fast > slow && fastBefore <= slowBefore) {
            String symbol = bar.symbol();
            if (context.position(symbol).isZero() && context.openOrders(symbol).isEmpty()) {
                Quantity units = context.sizeFor(symbol, bar.closePrice());
                if (units.isPositive()) {
                    context.buy(symbol, units);
                }
            }
        } else if (fast < slow && fastBefore >= slowBefore) {
            String symbol = bar.symbol();
            Quantity held = context.position(symbol);
            if (held.signum() > 0) {
                for (Order open : context.openOrders(symbol)) {
                    context.cancel(open.id());
                }
                context.sell(symbol, held);
            }
        }
    }

    /** The catalog entry of {@code sma-cross}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "SMA crossover",
                "Long-only: buys when the fast simple moving average of closes crosses above the slow one, sells everything when it "
                        + "crosses below. Orders are decided at a bar's close and fill at the next bar's open.",
                StrategyCategory.TREND, RiskLevel.MEDIUM, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of(
                        ParameterSpec.integer("fast", 10, 1, 100_000, "period of the fast simple moving average, in bars"),
                        ParameterSpec.integer("slow", 30, 2, 100_000, "period of the slow simple moving average, in bars")));

        @Override
        public StrategyMetadata metadata() {
            return METADATA;
        }

        @Override
        public Optional<String> check(Parameters parameters) {
            int fast = parameters.integer("fast");
            int slow = parameters.integer("slow");
            return fast < slow ? Optional.empty()
                    : Optional.of("fast (" + fast + ") must be below slow (" + slow + ")");
        }

        @Override
        public Optional<StrategyExpectations> expectations() {
            return Optional.of(StrategyExpectations.referenceRun("0.0237", "0.2813"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new SmaCross(parameters);
        }
    }
}
