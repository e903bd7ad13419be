package io.tradebook.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Flat and one-way series, period 1, long series, and what every indicator refuses. */
class IndicatorEdgeCaseTest {

    private static List<Indicator> all(int n) {
        return List.of(new Sma(n), new Ema(n), new Rsi(n), new Atr(n), new Dmi(n), new BollingerBands(n, 2),
                new DonchianChannel(n), new Macd(n, n + 1, n));
    }

    @Test
    void aFlatSeriesGivesThePriceZeroRangesANeutralRsiAndBandsOfZeroWidth() {
        Sma sma = new Sma(5);
        Ema ema = new Ema(5);
        Rsi rsi = new Rsi(5);
        Atr atr = new Atr(5);
        Dmi dmi = new Dmi(5);
        BollingerBands bands = new BollingerBands(5, 2);
        DonchianChannel channel = new DonchianChannel(5);
        Macd macd = new Macd(3, 5, 2);
        List<Indicator> indicators = List.of(sma, ema, rsi, atr, dmi, bands, channel, macd);
        for (int i = 0; i < 30; i++) {
            indicators.forEach(indicator -> indicator.update(101.3, 101.3, 101.3));
        }
        assertThat(indicators).allMatch(Indicator::isReady);
        assertThat(sma.value()).isEqualTo(101.3, within(1e-12));
        assertThat(ema.value()).isEqualTo(101.3, within(1e-12));
        assertThat(rsi.value()).isEqualTo(50);
        assertThat(atr.value()).isZero();
        assertThat(dmi.plusDi().value()).isZero();
        assertThat(dmi.minusDi().value()).isZero();
        assertThat(dmi.adx().value()).isZero();
        assertThat(bands.upper().value() - bands.lower().value()).isZero();
        assertThat(channel.high().value()).isEqualTo(101.3);
        assertThat(channel.low().value()).isEqualTo(101.3);
        assertThat(macd.macd().value()).isEqualTo(0, within(1e-12));
        assertThat(macd.histogram().value()).isEqualTo(0, within(1e-12));
    }

    @Test
    void rsiIs100WithoutLossesAnd0WithoutGains() {
        Rsi rising = new Rsi(14);
        Rsi falling = new Rsi(14);
        for (int i = 0; i < 40; i++) {
            rising.update(100 + i);
            falling.update(100 - i);
        }
        assertThat(rising.value()).isEqualTo(100);
        assertThat(falling.value()).isEqualTo(0);
    }

    @Test
    void bandsOfAWindowTurnedFlatHaveExactlyZeroWidth() {
        BollingerBands bands = new BollingerBands(3, 2);
        for (double close : new double[] {0.0105, 0.0111, 0.0098, 0.01047, 0.01047, 0.01047}) {
            bands.update(close);
        }
        assertThat(bands.upper().value()).isEqualTo(bands.lower().value());
        assertThat(bands.upper().previous()).isGreaterThan(bands.lower().previous());
    }

    @Test
    void periodOneFollowsTheLastBar() {
        Sma sma = new Sma(1);
        Ema ema = new Ema(1);
        Rsi rsi = new Rsi(1);
        Atr atr = new Atr(1);
        Dmi dmi = new Dmi(1);
        BollingerBands bands = new BollingerBands(1, 2);
        DonchianChannel channel = new DonchianChannel(1);
        Macd macd = new Macd(1, 2, 1);
        List<Indicator> indicators = List.of(sma, ema, rsi, atr, dmi, bands, channel, macd);
        double[][] bars = {{10, 9, 9.5}, {12, 9.8, 11}, {11.5, 10, 10.2}, {10.5, 8, 8.1}};
        for (double[] bar : bars) {
            indicators.forEach(indicator -> indicator.update(bar[0], bar[1], bar[2]));
        }
        assertThat(sma.value()).isEqualTo(8.1);
        assertThat(ema.value()).isEqualTo(8.1);
        assertThat(rsi.value()).isEqualTo(0);
        assertThat(rsi.previous()).isEqualTo(0);
        assertThat(atr.value()).isEqualTo(10.5 - 8, within(1e-12)); // the high is above the previous close 10.2
        // up = 10.5 - 11.5 < 0, down = 10 - 8 = 2: all movement is down
        assertThat(dmi.plusDi().value()).isZero();
        assertThat(dmi.minusDi().value()).isEqualTo(100 * 2 / 2.5, within(1e-12));
        assertThat(dmi.adx().value()).isEqualTo(100, within(1e-12));
        assertThat(bands.lower().value()).isEqualTo(8.1);
        assertThat(bands.upper().value()).isEqualTo(8.1);
        assertThat(channel.high().value()).isEqualTo(10.5);
        assertThat(channel.low().value()).isEqualTo(8);
        assertThat(macd.histogram().value()).isZero();
        assertThat(macd.signal().value()).isEqualTo(macd.macd().value());
    }

    @Test
    void badParametersAreRefusedByName() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("n must be between 1 and 1000000, not 0");
        assertThatThrownBy(() -> new Ema(-3)).hasMessageStartingWith("n must be");
        assertThatThrownBy(() -> new Rsi(0)).hasMessageStartingWith("n must be");
        assertThatThrownBy(() -> new Atr(0)).hasMessageStartingWith("n must be");
        assertThatThrownBy(() -> new Dmi(0)).hasMessageStartingWith("n must be");
        assertThatThrownBy(() -> new DonchianChannel(1_000_001)).hasMessageStartingWith("n must be");
        assertThatThrownBy(() -> new BollingerBands(0, 2)).hasMessageStartingWith("n must be");
        assertThatThrownBy(() -> new BollingerBands(20, 0)).hasMessage("k must be a positive finite number, not 0.0");
        assertThatThrownBy(() -> new BollingerBands(20, -1)).hasMessageStartingWith("k must be");
        assertThatThrownBy(() -> new BollingerBands(20, Double.NaN)).hasMessageStartingWith("k must be");
        assertThatThrownBy(() -> new BollingerBands(20, Double.POSITIVE_INFINITY)).hasMessageStartingWith("k must be");
        assertThatThrownBy(() -> new Macd(0, 26, 9)).hasMessageStartingWith("fast must be");
        assertThatThrownBy(() -> new Macd(12, 0, 9)).hasMessageStartingWith("slow must be");
        assertThatThrownBy(() -> new Macd(12, 26, 0)).hasMessageStartingWith("signal must be");
        assertThatThrownBy(() -> new Macd(26, 26, 9)).hasMessage("fast must be below slow, not fast 26 and slow 26");
        assertThatThrownBy(() -> new Macd(30, 26, 9)).hasMessageStartingWith("fast must be below slow");
    }

    @Test
    void aBadBarIsRefusedAndChangesNothing() {
        for (Indicator indicator : all(3)) {
            Indicator twin = IndicatorSpec.parse(specOf(indicator)).create();
            double[][] bars = {{10, 9, 9.5}, {12, 9.8, 11}, {11.5, 10, 10.2}, {10.5, 8, 8.1}, {9, 7, 8.8}, {9.5, 8.5, 9.2},
                {10.1, 9, 10}, {10.4, 9.6, 9.9}};
            for (int i = 0; i < 3; i++) {
                indicator.update(bars[i][0], bars[i][1], bars[i][2]);
                twin.update(bars[i][0], bars[i][1], bars[i][2]);
            }
            assertThatThrownBy(() -> indicator.update(12, 9, Double.NaN)).hasMessage("close must be a finite number, not NaN");
            assertThatThrownBy(() -> indicator.update(12, 9, Double.POSITIVE_INFINITY)).hasMessageStartingWith("close must be");
            if (usesRange(indicator)) {
                assertThatThrownBy(() -> indicator.update(9, 12, 10)).hasMessage("high 9.0 is below low 12.0");
                assertThatThrownBy(() -> indicator.update(Double.NaN, 9, 10)).hasMessageStartingWith("high must be");
            }
            for (int i = 3; i < bars.length; i++) {
                indicator.update(bars[i][0], bars[i][1], bars[i][2]);
                twin.update(bars[i][0], bars[i][1], bars[i][2]);
            }
            for (int o = 0; o < indicator.outputs().size(); o++) {
                Output ours = indicator.outputs().get(o);
                Output fresh = twin.outputs().get(o);
                assertThat(ours.isDefined()).as(ours.name()).isTrue();
                assertThat(ours.value()).as(ours.name()).isEqualTo(fresh.value());
                assertThat(Double.valueOf(ours.previous())).as(ours.name()).isEqualTo(Double.valueOf(fresh.previous()));
            }
        }
    }

    private static boolean usesRange(Indicator indicator) {
        return indicator instanceof Atr || indicator instanceof Dmi || indicator instanceof DonchianChannel;
    }

    private static String specOf(Indicator indicator) {
        String name = indicator.outputs().get(0).name();
        if (indicator instanceof Dmi) {
            return "dmi:3";
        }
        if (indicator instanceof Macd) {
            return "macd:3:4:3";
        }
        if (indicator instanceof BollingerBands) {
            return "bbands:3:2";
        }
        if (indicator instanceof DonchianChannel) {
            return "donchian:3";
        }
        return name.replace('_', ':');
    }

    /** A million bars of a price near 1e6 moving by cents: the bands stay exact, they do not drift. */
    @Test
    void bandsDoNotDriftOverAMillionBarsOfLargePricesWithASmallSpread() {
        int n = 20;
        double[] closes = new double[1_000_000];
        Random random = new Random(42);
        double price = 1_000_000;
        for (int i = 0; i < closes.length; i++) {
            price += (random.nextInt(21) - 10) * 0.01;
            closes[i] = price;
        }
        BollingerBands bands = new BollingerBands(n, 2);
        Sma sma = new Sma(n);
        double worstWidth = 0;
        double worstMiddle = 0;
        for (int i = 0; i < closes.length; i++) {
            bands.update(closes[i]);
            sma.update(closes[i]);
            if (i >= n && i % 997 == 0) {
                double[] window = java.util.Arrays.copyOfRange(closes, i - n + 1, i + 1);
                double mean = java.util.Arrays.stream(window).sum() / n;
                double squares = java.util.Arrays.stream(window).map(x -> (x - mean) * (x - mean)).sum();
                double width = 2 * Math.sqrt(squares / n);
                worstWidth = Math.max(worstWidth, Math.abs(bands.upper().value() - bands.middle().value() - width) / width);
                worstMiddle = Math.max(worstMiddle, Math.abs(bands.middle().value() - mean) / mean);
                assertThat(sma.value()).isEqualTo(bands.middle().value());
            }
        }
        assertThat(worstWidth).isLessThan(1e-7);
        assertThat(worstMiddle).isLessThan(1e-14);
    }
}
