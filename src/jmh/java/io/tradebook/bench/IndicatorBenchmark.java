package io.tradebook.bench;

import io.tradebook.core.indicators.Indicator;
import io.tradebook.core.indicators.IndicatorSpec;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One bar fed to indicators per invocation, on a random walk of 65,536 bars replayed in a loop:
 * {@code all} is the eight of the golden file (sma:20, ema:20, rsi:14, atr:14, dmi:14,
 * bbands:20:2, donchian:20, macd:12:26:9) together, the others one at a time. Run with
 * {@code mvn -q test-compile && java -cp "target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" org.openjdk.jmh.Main IndicatorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IndicatorBenchmark {
    private static final String[] ALL = {"sma:20", "ema:20", "rsi:14", "atr:14", "dmi:14", "bbands:20:2", "donchian:20", "macd:12:26:9"};
    private static final int BARS = 1 << 16;

    @Param({"all", "sma:20", "ema:20", "rsi:14", "atr:14", "dmi:14", "bbands:20:2", "donchian:20", "macd:12:26:9"})
    public String indicators;

    private Indicator[] updating;
    private final double[] high = new double[BARS];
    private final double[] low = new double[BARS];
    private final double[] close = new double[BARS];
    private int next;

    @Setup
    public void setUp() {
        String[] specs = indicators.equals("all") ? ALL : new String[] {indicators};
        updating = new Indicator[specs.length];
        for (int i = 0; i < specs.length; i++) {
            updating[i] = IndicatorSpec.parse(specs[i]).create();
        }
        Random random = new Random(7);
        double last = 100;
        for (int i = 0; i < BARS; i++) {
            double price = last * (1 + random.nextGaussian() * 0.01);
            high[i] = Math.max(last, price) * (1 + random.nextDouble() * 0.005);
            low[i] = Math.min(last, price) * (1 - random.nextDouble() * 0.005);
            close[i] = price;
            last = price;
        }
    }

    /** Updates every indicator with the next bar; returns one output so the work is not eliminated. */
    @Benchmark
    public double oneBar() {
        int i = next;
        next = (i + 1) & (BARS - 1);
        double sum = 0;
        for (Indicator indicator : updating) {
            indicator.update(high[i], low[i], close[i]);
            sum += indicator.outputs().get(0).value();
        }
        return sum;
    }
}
