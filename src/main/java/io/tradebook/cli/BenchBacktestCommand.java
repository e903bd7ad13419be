package io.tradebook.cli;

import io.tradebook.bench.BacktestWorkload;
import io.tradebook.core.backtest.Backtest;
import io.tradebook.core.backtest.BacktestPlan;
import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.marketdata.Bar;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook bench backtest}: sma-cross over synthetic one-minute bars (a deterministic
 * random walk, built before timing) through the whole order path, on one thread. Runs it
 * {@code --warmup} times untimed (the JIT compiles the path, then G1 settles its heap), then {@code --runs} times timed, and
 * prints each timed run, what the run did, and last the best run as {@code bars/s: N}. A run is
 * timed whole, by the wall clock: wiring, the loop, and the curves and metrics at the end. Each run
 * also shows the CPU time of the thread that ran it, which a machine busy with other work does not
 * inflate (garbage collection on other threads is not in it).
 */
@Command(name = "backtest", description = {"Bars per second of sma-cross over synthetic minute bars through the whole order path,",
    "on one thread. The last line is 'bars/s: N' (the best timed run)."})
final class BenchBacktestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bars", defaultValue = "1000000", description = "Minute bars per run (default ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--fast", defaultValue = "10", description = "sma-cross fast period (default ${DEFAULT-VALUE}).")
    int fast;

    @Option(names = "--slow", defaultValue = "30", description = "sma-cross slow period (default ${DEFAULT-VALUE}).")
    int slow;

    @Option(names = "--warmup", defaultValue = "30",
            description = {"Untimed runs first, until the JVM runs steadily (default ${DEFAULT-VALUE}): the JIT compiler finishes in about ten,",
                "and then G1 grows its young generation to about 2 GB, whose first use (the operating system's first touch of each page)",
                "makes runs 15 to 21 about five times slower; from about the 22nd run on, runs take the same time."})
    int warmup;

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs; the last line is the best (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        if (bars < 2 || runs < 1 || warmup < 0) {
            throw new UserInputException("--bars must be at least 2, --runs at least 1 and --warmup at least 0");
        }
        BacktestPlan plan;
        try {
            List<Bar> walk = BacktestWorkload.randomWalk(bars);
            plan = BacktestWorkload.plan(walk, fast, slow);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < warmup; i++) {
            Backtest.run(plan);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocations = threads instanceof com.sun.management.ThreadMXBean t ? t : null;
        long thread = Thread.currentThread().getId();
        double best = 0;
        BacktestResult last = null;
        for (int i = 1; i <= runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = allocations == null ? 0 : allocations.getThreadAllocatedBytes(thread);
            long started = System.nanoTime();
            last = Backtest.run(plan);
            long elapsed = System.nanoTime() - started;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            allocated = allocations == null ? 0 : allocations.getThreadAllocatedBytes(thread) - allocated;
            double perSecond = bars / (elapsed / 1e9);
            best = Math.max(best, perSecond);
            out.printf("run %d: %.1f ms, %.0f bars/s (the run's thread on a CPU %.1f ms: %.0f bars/s; %.0f bytes allocated per bar)%n", i,
                    elapsed / 1e6, perSecond, cpu / 1e6, bars / (cpu / 1e9), (double) allocated / bars);
        }
        out.println("sma-cross fast=" + fast + " slow=" + slow + " over " + bars + " minute bars: " + last.orders().submitted()
                + " orders, " + last.fills().size() + " fills, " + last.roundTrips().size() + " round trips, final equity "
                + last.finalEquity().toPlainString() + " USD");
        out.printf("bars/s: %.0f%n", best);
        out.flush();
        return 0;
    }
}
