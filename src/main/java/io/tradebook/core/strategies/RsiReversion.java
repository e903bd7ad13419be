package io.tradebook.core.strategies;

import io.tradebook.core.indicators.Rsi;
import io.tradebook.core.marketdata.Timeframe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rsi}: long-only RSI mean reversion, per symbol. At the close of bar t, with R_t Wilder's
 * RSI of closes over {@code period} bars: when R_t &lt; {@code oversold} and the strategy is flat in
 * the symbol without open orders, it buys {@code floor(allocation × equity / close_t)} whole lots,
 * with confidence {@code (oversold − R_t) / oversold}; when R_t &gt; {@code overbought} and it is
 * long, it sells everything, with confidence {@code (R_t − overbought) / (100 − overbought)}. DAY
 * market orders, filled at the open of bar t+1. Only R_t is read (levels, not crossings): a
 * position is opened on any oversold close while flat. No signal before R is defined (bar
 * {@code period + 1}). Mutable, one run only.
 */
public final class RsiReversion implements Strategy {
    public static final String CODE = "rsi";

    private final int period;
    private final double oversold;
    private final double overbought;
    private final Map<String, Rsi> bySymbol = new HashMap<>();

    RsiReversion(Parameters parameters) {
        this.period = parameters.integer("period");
        this.oversold = parameters.number("oversold");
        this.overbought = parameters.number("overbought");
    }

    @Override
    public void onStart(StrategyContext context) {
        for (String symbol : context.symbols()) {
            bySymbol.put(symbol, context.track(symbol, new Rsi(period)));
        }
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        double rsi = bySymbol.get(bar.symbol()).value();
        // a NaN RSI (warm-up) fails both comparisons
        if (rsi < oversold) {
            LongOnly.enter(context, bar, Confidence.clamp((oversold - rsi) / oversold));
        } else if (rsi > overbought) {
            LongOnly.exit(context, bar, Confidence.clamp((rsi - overbought) / (100 - overbought)));
        }
    }

    /** The catalog entry of {@code rsi}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "RSI reversion",
                "Long-only: buys when Wilder's RSI closes below the oversold level, sells everything when it closes above the "
                        + "overbought level; confidence is how far past the level the RSI is. Orders are decided at a bar's close "
                        + "and fill at the next bar's open.",
                StrategyCategory.MEAN_REVERSION, RiskLevel.HIGH, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of(
                        ParameterSpec.integer("period", 14, 2, 100_000, "period of the RSI, in bars"),
                        ParameterSpec.decimal("oversold", "30", "1", "99", "buy when the RSI closes below this level"),
                        ParameterSpec.decimal("overbought", "70", "1", "99", "sell when the RSI closes above this level")));

        @Override
        public StrategyMetadata metadata() {
            return METADATA;
        }

        @Override
        public Optional<String> check(Parameters parameters) {
            return Thresholds.ordered(parameters, "oversold", "overbought");
        }

        @Override
        public Optional<StrategyExpectations> expectations() {
            return Optional.of(StrategyExpectations.referenceRun("0.0269", "0.5010"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new RsiReversion(parameters);
        }
    }
}
