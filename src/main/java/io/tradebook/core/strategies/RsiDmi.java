package io.tradebook.core.strategies;

import io.tradebook.core.indicators.Dmi;
import io.tradebook.core.indicators.Rsi;
import io.tradebook.core.marketdata.Timeframe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rsi-dmi} (seed 004's {@code rsi_dmi}): long-only RSI mean reversion that does not buy
 * into a strong downtrend, per symbol. At the close of bar t, with R_t the RSI over {@code rsi_period}
 * bars and +DI_t, −DI_t, ADX_t Wilder's directional movement over {@code dmi_period} bars, a
 * <b>strong downtrend</b> is {@code ADX_t ≥ adx_threshold and −DI_t > +DI_t}, and the
 * <b>upward share</b> is {@code u_t = +DI_t / (+DI_t + −DI_t)} (½ when both are 0).
 *
 * <ul>
 *   <li>Entry: flat in the symbol without open orders, R_t &lt; {@code rsi_oversold} and no strong
 *       downtrend: buy {@code floor(allocation × equity / close_t)} whole lots, confidence
 *       {@code ((rsi_oversold − R_t) / rsi_oversold + u_t) / 2}.</li>
 *   <li>Exit: long and R_t &gt; {@code rsi_overbought}: sell everything, confidence
 *       {@code ((R_t − rsi_overbought) / (100 − rsi_overbought) + 1 − u_t) / 2}. The trend filter
 *       does not force an exit: it only keeps the strategy from buying a falling market.</li>
 * </ul>
 *
 * DAY market orders, filled at the open of bar t+1. Only values at t are read. No signal before
 * every value is defined (the ADX from bar {@code 2 × dmi_period}, the RSI from bar
 * {@code rsi_period + 1}). Mutable, one run only.
 */
public final class RsiDmi implements Strategy {
    public static final String CODE = "rsi-dmi";

    private final int rsiPeriod;
    private final double oversold;
    private final double overbought;
    private final int dmiPeriod;
    private final double adxThreshold;
    private final Map<String, Indicators> bySymbol = new HashMap<>();

    /** One symbol's indicators. */
    private record Indicators(Rsi rsi, Dmi dmi) {
    }

    RsiDmi(Parameters parameters) {
        this.rsiPeriod = parameters.integer("rsi_period");
        this.oversold = parameters.number("rsi_oversold");
        this.overbought = parameters.number("rsi_overbought");
        this.dmiPeriod = parameters.integer("dmi_period");
        this.adxThreshold = parameters.number("adx_threshold");
    }

    @Override
    public void onStart(StrategyContext context) {
        for (String symbol : context.symbols()) {
            bySymbol.put(symbol, new Indicators(context.track(symbol, new Rsi(rsiPeriod)), context.track(symbol, new Dmi(dmiPeriod))));
        }
    }

    @Override
    public void onBar(StrategyContext context, PriceBar bar) {
        Indicators i = bySymbol.get(bar.symbol());
        if (!i.rsi.isReady() || !i.dmi.isReady()) {
            return;
        }
        double rsi = i.rsi.value();
        double plus = i.dmi.plusDi().value();
        double minus = i.dmi.minusDi().value();
        double adx = i.dmi.adx().value();
        boolean downtrend = adx >= adxThreshold && minus > plus;
        double upward = upwardShare(plus, minus);
        if (rsi < oversold && !downtrend) {
            LongOnly.enter(context, bar, Confidence.clamp(((oversold - rsi) / oversold + upward) / 2));
        } else if (rsi > overbought) {
            LongOnly.exit(context, bar, Confidence.clamp(((rsi - overbought) / (100 - overbought) + 1 - upward) / 2));
        }
    }

    /** +DI / (+DI + −DI), or ½ when there is no directional movement at all. */
    static double upwardShare(double plusDi, double minusDi) {
        double total = plusDi + minusDi;
        return total > 0 ? plusDi / total : 0.5;
    }

    /** The catalog entry of {@code rsi-dmi}. */
    public static final class Definition implements StrategyDefinition {
        private static final StrategyMetadata METADATA = new StrategyMetadata(CODE, "RSI DMI",
                "Long-only: buys when the RSI closes below the oversold level unless the DMI shows a strong downtrend (ADX at or "
                        + "above the threshold and -DI above +DI); sells everything when the RSI closes above the overbought level. "
                        + "Confidence blends the RSI's distance past the level with the upward share of directional movement. Orders "
                        + "are decided at a bar's close and fill at the next bar's open.",
                StrategyCategory.MEAN_REVERSION, RiskLevel.MEDIUM, BuiltInStrategies.MIN_CAPITAL, Timeframe.D1, List.of(), List.of(
                        ParameterSpec.integer("rsi_period", 14, 2, 100_000, "period of the RSI, in bars"),
                        ParameterSpec.decimal("rsi_oversold", "30", "1", "99", "buy when the RSI closes below this level"),
                        ParameterSpec.decimal("rsi_overbought", "70", "1", "99", "sell when the RSI closes above this level"),
                        ParameterSpec.integer("dmi_period", 14, 2, 100_000, "period of +DI, -DI and the ADX, in bars"),
                        ParameterSpec.decimal("adx_threshold", "25", "0", "100",
                                "an ADX at or above this, with -DI above +DI, is a strong downtrend: no buying then")));

        @Override
        public StrategyMetadata metadata() {
            return METADATA;
        }

        @Override
        public Optional<String> check(Parameters parameters) {
            return Thresholds.ordered(parameters, "rsi_oversold", "rsi_overbought");
        }

        @Override
        public Optional<StrategyExpectations> expectations() {
            return Optional.of(StrategyExpectations.referenceRun("0.0389", "0.2804"));
        }

        @Override
        public Strategy create(Parameters parameters) {
            return new RsiDmi(parameters);
        }
    }
}
