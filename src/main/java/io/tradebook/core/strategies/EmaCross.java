package io.tradebook.core.strategies;

import io.tradebook.core.indicators.Ema;
import io.tradebook.core.marketdata.Timeframe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ema-cross}: long-only exponential moving-average crossover, per symbol; {@code sma-cross}
 * with EMAs. At the close of bar t, with f and s the EMAs of closes over {@code fast} and
 * {@code slow} bars: when f crosses above s (f_t &gt; s_t and f_{t−1} ≤ s_{t−1}) and the strategy is
 * flat in the symbol without open orders, it buys {@code floor(allocation × equity / close_t)}
 * whole lots; when f crosses below s (f_t &lt; s_t and f_{t−1} ≥ s_{t−1}) and it is long, it sells
 * everything. DAY market orders, filled at the open of bar t+1. Both signals carry the confidence
 * {@code |f_t − s_t| / (|f_t − s_t| + |f_{t−1} − s_{t−1}|)}: the share of the spread's one-bar
 * swing that lies past the cross (1 when the averages were equal at t−1, near 0 for a cross by a
 * hair). No signal until both EMAs are defined at t−1 (bar {@code slow + 1}). Mutable, one run
 * only.
 */
public final class EmaCross implements Strategy {
    public static final String CODE = "ema-cross";

    private final int fastPeriod;
    private final int slowPeriod;
    private final Map<String, Averages> bySymbol = new HashMap<>();

    /** One symbol's two averages. */
    private record Averages(Ema fast, Ema slow) {
    }

    EmaCross(Parameters parameters) {
        this.fastPeriod = parameters.integer("fast");
        this.slowPeriod = parameters.integer("slow");
    }

    @Override
    public void onStart(StrategyContext context) {
        for (String symbol : context.symbols()) {
            bySymbol.put(symbol, new Averages(context.track(symbol, new Ema(fastPeriod)), context.track(symbol, new Ema(slowPeriod))));
        }
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        Averages a = bySymbol.get(bar.symbol());
        double spread = a.fast.value() - a.slow.value();
        double spreadBefore = a.fast.previous() - a.slow.previous();
        // NaN spreads (warm-up) fail every comparison, so no signal
        if (spread > 0 && spreadBefore <= 0) {
            LongOnly.enter(context, bar, confidence(spread, spreadBefore));
        } else if (spread < 0 && spreadBefore >= 0) {
            LongOnly.exit(context, bar, confidence(spread, spreadBefore));
        }
    }

    /** |spread| / (|spread| + |spread before|); the spread is not zero at a cross. */
    static double confidence(double spread, double spreadBefore) {
        double now = Math.abs(spread);
        return Confidence.clamp(now / (now + Math.abs(spreadBefore)));
    }

    /** The catalog entry of {@code ema-cross}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "EMA crossover",
                "Long-only: buys when the fast exponential moving average of closes crosses above the slow one, sells everything "
                        + "when it crosses below; confidence is the share of the spread's one-bar swing past the cross. Orders are "
                        + "decided at a bar's close and fill at the next bar's open.",
                StrategyCategory.TREND, RiskLevel.MEDIUM, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of(
                        ParameterSpec.integer("fast", 12, 1, 100_000, "period of the fast exponential moving average, in bars"),
                        ParameterSpec.integer("slow", 26, 2, 100_000, "period of the slow exponential moving average, in bars")));

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
            return Optional.of(StrategyExpectations.referenceRun("0.0162", "0.2996"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new EmaCross(parameters);
        }
    }
}
