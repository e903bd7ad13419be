package io.tradebook.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * On random bar series (random walks at any price level, with flat stretches and ties), each
 * streaming indicator equals its plain recomputation in {@link BatchReference} at every bar:
 * defined at the same bars, and within 1e-9 of the series' price scale (or of 100 for the
 * oscillators).
 */
class StreamingIndicatorPropertyTest {
    private static final int TRIES = 300;

    @Property(tries = TRIES, seed = "4001")
    void sma(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n) {
        assertSame(bars.run(new Sma(n))[0], BatchReference.sma(bars.close(), n), priceScale(bars));
    }

    @Property(tries = TRIES, seed = "4002")
    void ema(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n) {
        assertSame(bars.run(new Ema(n))[0], BatchReference.ema(bars.close(), n), priceScale(bars));
    }

    @Property(tries = TRIES, seed = "4003")
    void rsi(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n) {
        assertSame(bars.run(new Rsi(n))[0], BatchReference.rsi(bars.close(), n), 100);
    }

    @Property(tries = TRIES, seed = "4004")
    void atr(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n) {
        assertSame(bars.run(new Atr(n))[0], BatchReference.atr(bars, n), priceScale(bars));
    }

    @Property(tries = TRIES, seed = "4005")
    void dmi(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n) {
        double[][] ours = bars.run(new Dmi(n));
        double[][] expected = BatchReference.dmi(bars, n);
        for (int o = 0; o < 3; o++) {
            assertSame(ours[o], expected[o], 100);
        }
    }

    @Property(tries = TRIES, seed = "4006")
    void bollingerBands(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n,
                        @ForAll("multipliers") double k) {
        double[][] ours = bars.run(new BollingerBands(n, k));
        double[] mean = BatchReference.sma(bars.close(), n);
        double[] sd = BatchReference.stdev(bars.close(), n);
        double[] lower = new double[mean.length];
        double[] upper = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lower[i] = mean[i] - k * sd[i];
            upper[i] = mean[i] + k * sd[i];
        }
        assertSame(ours[0], lower, priceScale(bars));
        assertSame(ours[1], mean, priceScale(bars));
        assertSame(ours[2], upper, priceScale(bars));
    }

    @Property(tries = TRIES, seed = "4007")
    void donchianChannel(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 40) int n) {
        double[][] ours = bars.run(new DonchianChannel(n));
        assertThat(ours[0]).containsExactly(BatchReference.highest(bars.high(), n));
        assertThat(ours[1]).containsExactly(BatchReference.lowest(bars.low(), n));
    }

    @Property(tries = TRIES, seed = "4008")
    void macd(@ForAll("series") Bars bars, @ForAll @IntRange(min = 1, max = 20) int fast,
              @ForAll @IntRange(min = 1, max = 20) int longer, @ForAll @IntRange(min = 1, max = 15) int signal) {
        int slow = fast + longer;
        double[][] ours = bars.run(new Macd(fast, slow, signal));
        double[][] expected = BatchReference.macd(bars.close(), fast, slow, signal);
        for (int o = 0; o < 3; o++) {
            assertSame(ours[o], expected[o], priceScale(bars));
        }
    }

    @Property(tries = 100, seed = "4009")
    void previousIsTheValueOfTheBarBefore(@ForAll("series") Bars bars, @ForAll("specs") String spec) {
        Indicator indicator = IndicatorSpec.parse(spec).create();
        List<Output> outputs = indicator.outputs();
        double[] before = new double[outputs.size()];
        Arrays.fill(before, Double.NaN);
        for (int i = 0; i < bars.size(); i++) {
            indicator.update(bars.high()[i], bars.low()[i], bars.close()[i]);
            for (int o = 0; o < outputs.size(); o++) {
                assertThat(Double.valueOf(outputs.get(o).previous())).isEqualTo(Double.valueOf(before[o]));
                before[o] = outputs.get(o).value();
            }
            assertThat(indicator.isReady()).isEqualTo(i + 1 >= indicator.warmUpBars());
            if (indicator.isReady()) {
                assertThat(outputs).allMatch(Output::isDefined);
            }
        }
    }

    @Provide
    Arbitrary<String> specs() {
        return Arbitraries.of("sma:5", "ema:3", "rsi:4", "atr:2", "dmi:3", "bbands:4:1.5", "donchian:6", "macd:2:5:3");
    }

    @Provide
    Arbitrary<Double> multipliers() {
        return Arbitraries.doubles().between(0.1, 4).ofScale(2);
    }

    /** A random walk starting anywhere from cents to tens of thousands, with flat stretches and bars without range. */
    @Provide
    Arbitrary<Bars> series() {
        Arbitrary<Double> returns = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.doubles().between(-0.08, 0.08)),
                Tuple.of(1, Arbitraries.just(0.0)));
        Arbitrary<Double> wicks = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0, 0.03)),
                Tuple.of(1, Arbitraries.just(0.0)));
        Arbitrary<double[]> step = Combinators.combine(returns, wicks, wicks).as((r, up, down) -> new double[] {r, up, down});
        Arbitrary<Double> start = Arbitraries.doubles().between(0.01, 50_000);
        return Combinators.combine(start, step.list().ofMaxSize(200)).as((first, steps) -> {
            int size = steps.size();
            Bars bars = new Bars(new String[size], new double[size], new double[size], new double[size]);
            double last = first;
            for (int i = 0; i < size; i++) {
                double[] s = steps.get(i);
                double close = last * (1 + s[0]);
                bars.high()[i] = Math.max(last, close) * (1 + s[1]);
                bars.low()[i] = Math.min(last, close) * (1 - s[2]);
                bars.close()[i] = close;
                last = close;
            }
            return bars;
        });
    }

    private static double priceScale(Bars bars) {
        return Arrays.stream(bars.high()).max().orElse(1);
    }

    private static void assertSame(double[] ours, double[] expected, double scale) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(ours[i]).as("bar %d", i).isNaN();
            } else {
                assertThat(ours[i]).as("bar %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9 * scale));
            }
        }
    }
}
