package io.tradebook.core.backtest;

import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.Metrics;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.Parameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one plan once per combination of a strategy's parameter values (the cartesian product of
 * the axes), on several threads, and ranks the combinations by one of the strategy's metrics.
 * Combinations the strategy refuses ({@code StrategyDefinition.check}, e.g. {@code fast ≥ slow})
 * are skipped and counted. The ranking is best first ({@code maxDrawdown} and {@code volatility}:
 * lowest first; every other metric: highest first), undefined values last, ties in grid order, so
 * the result is the same whatever the number of threads. Stateless.
 *
 * <p>Refuses, before running anything: a strategy not in the plan, an axis naming a parameter
 * the strategy does not have or two axes for one parameter, a value the parameter refuses, an
 * unknown metric, more than {@value #MAX_COMBINATIONS} combinations, and fewer than one thread.
 */
public final class GridSearch {
    /** The most combinations one search may run. */
    public static final int MAX_COMBINATIONS = 100_000;
    /** Metrics where lower is better. */
    private static final Set<String> LOWER_IS_BETTER = Set.of("maxDrawdown", "volatility");

    private GridSearch() {
    }

    /** The metric names a search can rank by: those of {@link Metrics#byName}, in that order. */
    public static final List<String> METRICS = List.of("totalReturn", "cagr", "volatility", "sharpe", "sortino", "maxDrawdown",
            "calmar", "winRate", "profitFactor", "trades", "exposure");

    /** Runs the search; {@code progress} hears of combinations done (on the calling thread). */
    public static GridResult run(BacktestPlan plan, String strategy, List<GridAxis> axes, String rankBy, int threads,
                                 BacktestProgress progress) {
        StrategyInstance varied = plan.strategies().stream().filter(s -> s.name().equals(strategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy named " + strategy + " in the run"));
        if (!METRICS.contains(rankBy)) {
            throw new IllegalArgumentException("cannot rank by '" + rankBy + "'; the metrics are " + String.join(", ", METRICS));
        }
        if (threads < 1) {
            throw new IllegalArgumentException("a grid search needs at least one thread");
        }
        checkAxes(varied, axes);
        List<Map<String, String>> grid = combinations(varied, axes);
        List<Integer> indexes = new ArrayList<>();
        List<BacktestPlan> plans = new ArrayList<>();
        List<String> skippedExamples = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < grid.size(); i++) {
            Parameters values = varied.definition().metadata().parameters(grid.get(i));
            Optional<String> problem = varied.definition().check(values);
            if (problem.isPresent()) {
                skipped++;
                if (skippedExamples.size() < 3) {
                    skippedExamples.add(describe(grid.get(i), axes) + ": " + problem.get());
                }
                continue;
            }
            indexes.add(i);
            plans.add(plan.with(varied.withParameters(values)));
        }
        List<GridRow> rows = runAll(plans, indexes, strategy, threads, progress);
        rows.sort(ranking(rankBy));
        return new GridResult(strategy, axes, rankBy, rows, grid.size(), skipped, skippedExamples);
    }

    private static void checkAxes(StrategyInstance varied, List<GridAxis> axes) {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a grid search needs at least one axis");
        }
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        varied.definition().metadata().parameters().forEach(p -> specs.put(p.name(), p));
        long combinations = 1;
        List<String> seen = new ArrayList<>();
        for (GridAxis axis : axes) {
            ParameterSpec spec = specs.get(axis.parameter());
            if (spec == null) {
                throw new IllegalArgumentException(varied.code() + " has no parameter '" + axis.parameter() + "'; its parameters are "
                        + String.join(", ", specs.keySet()));
            }
            if (seen.contains(axis.parameter())) {
                throw new IllegalArgumentException("two grid axes for parameter '" + axis.parameter() + "'");
            }
            seen.add(axis.parameter());
            try {
                axis.checkAgainst(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(varied.code() + ": " + e.getMessage(), e);
            }
            combinations *= axis.values().size();
            if (combinations > MAX_COMBINATIONS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_COMBINATIONS + " combinations");
            }
        }
    }

    /** Every combination, the first axis varying slowest, over the strategy's own values for the other parameters. */
    private static List<Map<String, String>> combinations(StrategyInstance varied, List<GridAxis> axes) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>(varied.parameters().asText()));
        for (GridAxis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String v : axis.values()) {
                    Map<String, String> c = new LinkedHashMap<>(partial);
                    c.put(axis.parameter(), v);
                    next.add(c);
                }
            }
            all = next;
        }
        return all;
    }

    private static String describe(Map<String, String> combination, List<GridAxis> axes) {
        StringBuilder s = new StringBuilder();
        for (GridAxis axis : axes) {
            s.append(s.length() == 0 ? "" : ", ").append(axis.parameter()).append('=').append(combination.get(axis.parameter()));
        }
        return s.toString();
    }

    private static List<GridRow> runAll(List<BacktestPlan> plans, List<Integer> indexes, String strategy, int threads,
                                        BacktestProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, plans.size())), r -> {
            Thread t = new Thread(r, "grid-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GridRow>> futures = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                BacktestPlan p = plans.get(i);
                int combination = indexes.get(i);
                futures.add(pool.submit(() -> row(combination, Backtest.run(p), strategy)));
            }
            List<GridRow> rows = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                rows.add(futures.get(i).get());
                progress.advanced(i + 1, futures.size());
            }
            return rows;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a grid run failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the grid search was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static GridRow row(int combination, BacktestResult result, String strategy) {
        PerformanceSummary s = result.strategy(strategy);
        StrategyInstance run = result.plan().strategies().stream().filter(x -> x.name().equals(strategy)).findFirst().orElseThrow();
        return new GridRow(combination, run.parameters(), s.finalEquity(), s.metrics());
    }

    /** Best first by {@code metric}; undefined last; ties in grid order. */
    static Comparator<GridRow> ranking(String metric) {
        boolean ascending = LOWER_IS_BETTER.contains(metric);
        return (a, b) -> {
            Metric x = a.metrics().byName().get(metric);
            Metric y = b.metrics().byName().get(metric);
            boolean xu = x.kind() == Metric.Kind.UNDEFINED;
            boolean yu = y.kind() == Metric.Kind.UNDEFINED;
            if (xu != yu) {
                return xu ? 1 : -1;
            }
            int c = xu ? 0 : Double.compare(x.value(), y.value());
            if (c != 0) {
                return ascending ? c : -c;
            }
            return Integer.compare(a.combination(), b.combination());
        };
    }
}
