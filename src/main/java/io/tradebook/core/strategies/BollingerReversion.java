package io.tradebook.core.strategies;

import io.tradebook.core.indicators.BollingerBands;
import io.tradebook.core.marketdata.Timeframe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bollinger-reversion}: long-only Bollinger-band mean reversion, per symbol. At the close
 * of bar t, with lower_t, middle_t and upper_t the bands over {@code period} closes ({@code k}
 * population standard deviations from their mean): when close_t &lt; lower_t and the strategy is
 * flat in the symbol without open orders, it buys {@code floor(allocation × equity / close_t)}
 * whole lots, with confidence {@code min(1, (lower_t − close_t) / (middle_t − lower_t))} (how many
 * band half-widths below the band the close is); when close_t ≥ middle_t and it is long, it sells
 * everything, with confidence {@code min(1, (close_t − middle_t) / (upper_t − middle_t))}. DAY
 * market orders, filled at the open of bar t+1. Only values at t are read. No signal before the
 * bands are defined (bar {@code period}). Mutable, one run only.
 */
public final class BollingerReversion implements Strategy {
    public static final String CODE = "bollinger-reversion";

    private final int period;
    private final double k;
    private final Map<String, BollingerBands> bySymbol = new HashMap<>();

    BollingerReversion(Parameters parameters) {
        this.period = parameters.integer("period");
        this.k = parameters.number("k");
    }

    @Override
    public void onStart(StrategyContext context) {
        for (String symbol : context.symbols()) {
            bySymbol.put(symbol, context.track(symbol, new BollingerBands(period, k)));
        }
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        BollingerBands bands = bySymbol.get(bar.symbol());
        double close = bar.close();
        double lower = bands.lower().value();
        double middle = bands.middle().value();
        // NaN bands (warm-up) fail both comparisons
        if (close < lower) {
            LongOnly.enter(context, bar, Confidence.ratio(lower - close, middle - lower));
        } else if (close >= middle) {
            LongOnly.exit(context, bar, Confidence.ratio(close - middle, bands.upper().value() - middle));
        }
    }

    /** The catalog entry of {@code bollinger-reversion}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "Bollinger reversion",
                "Long-only: buys when a close falls below the lower Bollinger band, sells everything when a close is back at or "
                        + "above the middle band (the moving average); confidence is how far past the band, in band half-widths. "
                        + "Orders are decided at a bar's close and fill at the next bar's open.",
                StrategyCategory.MEAN_REVERSION, RiskLevel.MEDIUM, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of(
                        ParameterSpec.integer("period", 20, 2, 100_000, "number of closes the bands are computed over"),
                        ParameterSpec.decimal("k", "2", "0.1", "10",
                                "distance of the outer bands from the middle, in population standard deviations")));

        @Override
        public StrategyMetadata metadata() {
            return METADATA;
        }

        @Override
        public Optional<StrategyExpectations> expectations() {
            return Optional.of(StrategyExpectations.referenceRun("0.0211", "0.3282"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new BollingerReversion(parameters);
        }
    }
}
