package io.tradebook.core.strategies;

import io.tradebook.core.indicators.DonchianChannel;
import io.tradebook.core.marketdata.Timeframe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code donchian-breakout}: long-only channel breakout (the turtles' rule), per symbol. At the
 * close of bar t, with H_{t−1} and L_{t−1} the highest high and lowest low of the
 * {@code entry_period} bars before t (bars t−entry_period … t−1) and X_{t−1}, Y_{t−1} the highest
 * high and lowest low of the {@code exit_period} bars before t: when close_t &gt; H_{t−1} and the
 * strategy is flat in the symbol without open orders, it buys
 * {@code floor(allocation × equity / close_t)} whole lots, with confidence
 * {@code min(1, (close_t − H_{t−1}) / (H_{t−1} − L_{t−1}))} (the breakout as a share of the
 * channel's width); when close_t &lt; Y_{t−1} and it is long, it sells everything, with confidence
 * {@code min(1, (Y_{t−1} − close_t) / (X_{t−1} − Y_{t−1}))}. A channel of zero width gives
 * confidence 1. DAY market orders, filled at the open of bar t+1. No entry before bar
 * {@code entry_period + 1} and no exit before bar {@code exit_period + 1} (the channels of t−1 must
 * be defined). Mutable, one run only.
 */
public final class DonchianBreakout implements Strategy {
    public static final String CODE = "donchian-breakout";

    private final int entryPeriod;
    private final int exitPeriod;
    private final Map<String, Channels> bySymbol = new HashMap<>();

    /** One symbol's two channels. */
    private record Channels(DonchianChannel entry, DonchianChannel exit) {
    }

    DonchianBreakout(Parameters parameters) {
        this.entryPeriod = parameters.integer("entry_period");
        this.exitPeriod = parameters.integer("exit_period");
    }

    @Override
    public void onStart(StrategyContext context) {
        for (String symbol : context.symbols()) {
            bySymbol.put(symbol, new Channels(context.track(symbol, new DonchianChannel(entryPeriod)),
                    context.track(symbol, new DonchianChannel(exitPeriod))));
        }
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        Channels c = bySymbol.get(bar.symbol());
        double close = bar.close();
        double high = c.entry.high().previous();
        double floor = c.exit.low().previous();
        // NaN channels (warm-up) fail both comparisons
        if (close > high) {
            LongOnly.enter(context, bar, Confidence.ratio(close - high, high - c.entry.low().previous()));
        } else if (close < floor) {
            LongOnly.exit(context, bar, Confidence.ratio(floor - close, c.exit.high().previous() - floor));
        }
    }

    /** The catalog entry of {@code donchian-breakout}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "Donchian breakout",
                "Long-only: buys when a close breaks above the highest high of the previous entry_period bars, sells everything "
                        + "when a close breaks below the lowest low of the previous exit_period bars; confidence is the breakout as a "
                        + "share of the channel's width. Orders are decided at a bar's close and fill at the next bar's open.",
                StrategyCategory.BREAKOUT, RiskLevel.MEDIUM, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of(
                        ParameterSpec.integer("entry_period", 20, 1, 100_000, "bars whose highest high a close must break to buy"),
                        ParameterSpec.integer("exit_period", 10, 1, 100_000, "bars whose lowest low a close must break to sell")));

        @Override
        public StrategyMetadata metadata() {
            return METADATA;
        }

        @Override
        public Optional<StrategyExpectations> expectations() {
            return Optional.of(StrategyExpectations.referenceRun("0.0180", "0.3301"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new DonchianBreakout(parameters);
        }
    }
}
