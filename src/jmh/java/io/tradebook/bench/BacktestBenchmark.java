package io.tradebook.bench;

import io.tradebook.core.backtest.Backtest;
import io.tradebook.core.backtest.BacktestPlan;
import io.tradebook.core.backtest.BacktestResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole backtest per invocation: sma-cross over 200,000 synthetic minute bars (the workload of
 * {@code tradebook bench backtest}, bars built in the setup) through the order path, reported per
 * bar. {@code periods} picks the averages: 10/30 (the defaults: an order every 26 bars) or
 * 500/2000 (an order every 1,600 bars, so the figure is the per-bar path alone). Run with
 * {@code mvn -q test-compile && java -cp "target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" org.openjdk.jmh.Main BacktestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BacktestBenchmark.BARS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BacktestBenchmark {
    static final int BARS = 200_000;

    @Param({"10/30", "500/2000"})
    public String periods;

    private BacktestPlan plan;

    @Setup
    public void setUp() {
        String[] p = periods.split("/");
        plan = BacktestWorkload.plan(BacktestWorkload.randomWalk(BARS), Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }

    /** Nanoseconds per bar of a whole run. */
    @Benchmark
    public BacktestResult run() {
        return Backtest.run(plan);
    }
}
