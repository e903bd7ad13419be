package io.tradebook.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * An independent check against ta4j 0.17 on real series (S&P 500 daily over 20 years, BTC/USD
 * 5-minute bars; AAPL is checked against TTR in {@link GoldenAgreementTest}). Where the
 * definitions coincide from the first bar (SMA, Bollinger bands with population σ, Donchian),
 * every defined value agrees. ta4j seeds its exponential
 * averages (EMA, and Wilder's smoothing in RSI, ATR, +DI/−DI, ADX) with the first value instead
 * of a simple mean of the first n, and gives the first bar a true range of high − low; those
 * differences decay geometrically, so those indicators are compared from bar {@value #CONVERGED}
 * on (on these files they agree within 1e-6 from about bar 230, and within 3e-9 from bar 300).
 */
class Ta4jCrossCheckTest {
    private static final int CONVERGED = 300;
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {Bars.SPX, Bars.BTC})
    void agreesWithTa4j(String resource) {
        Bars bars = Bars.resource(resource);
        BarSeries series = ta4jSeries(bars);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Num two = series.numOf(2);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);

        Map<String, org.ta4j.core.Indicator<Num>> fromFirstBar = new LinkedHashMap<>();
        fromFirstBar.put("sma_20", new SMAIndicator(close, 20));
        fromFirstBar.put("bbands_20_2_lower", new BollingerBandsLowerIndicator(middle, sd, two));
        fromFirstBar.put("bbands_20_2_middle", middle);
        fromFirstBar.put("bbands_20_2_upper", new BollingerBandsUpperIndicator(middle, sd, two));
        fromFirstBar.put("donchian_20_high", new HighestValueIndicator(new HighPriceIndicator(series), 20));
        fromFirstBar.put("donchian_20_low", new LowestValueIndicator(new LowPriceIndicator(series), 20));

        Map<String, org.ta4j.core.Indicator<Num>> afterConvergence = new LinkedHashMap<>();
        afterConvergence.put("ema_20", new EMAIndicator(close, 20));
        afterConvergence.put("rsi_14", new RSIIndicator(close, 14));
        afterConvergence.put("atr_14", new ATRIndicator(series, 14));
        afterConvergence.put("plus_di_14", new PlusDIIndicator(series, 14));
        afterConvergence.put("minus_di_14", new MinusDIIndicator(series, 14));
        afterConvergence.put("adx_14", new ADXIndicator(series, 14));
        afterConvergence.put("macd_12_26_9_macd", macd);
        afterConvergence.put("macd_12_26_9_signal", new EMAIndicator(macd, 9));

        Map<String, double[]> ours = ours(bars);
        fromFirstBar.forEach((name, theirs) -> compare(name, ours.get(name), theirs, 0));
        afterConvergence.forEach((name, theirs) -> compare(name, ours.get(name), theirs, CONVERGED));
    }

    private static void compare(String name, double[] ours, org.ta4j.core.Indicator<Num> theirs, int from) {
        int compared = 0;
        for (int i = from; i < ours.length; i++) {
            if (Double.isNaN(ours[i])) {
                continue;
            }
            double expected = theirs.getValue(i).doubleValue();
            assertThat(ours[i]).as("%s at bar %d", name, i)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(TOLERANCE * Math.abs(expected)));
            compared++;
        }
        assertThat(compared).as(name).isGreaterThan(1000);
    }

    private static Map<String, double[]> ours(Bars bars) {
        List<Indicator> indicators = List.of(new Sma(20), new Ema(20), new Rsi(14), new Atr(14), new Dmi(14),
                new BollingerBands(20, 2), new DonchianChannel(20), new Macd(12, 26, 9));
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            double[][] run = bars.run(indicator);
            for (int o = 0; o < run.length; o++) {
                values.put(indicator.outputs().get(o).name(), run[o]);
            }
        }
        return values;
    }

    private static BarSeries ta4jSeries(Bars bars) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        ZonedDateTime start = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < bars.size(); i++) {
            // ta4j wants increasing bar end times; the dates themselves play no part in these indicators
            series.addBar(start.plusDays(i), bars.close()[i], bars.high()[i], bars.low()[i], bars.close()[i], 0);
        }
        return series;
    }
}
