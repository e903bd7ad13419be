package io.tradebook.core.analytics;

import java.util.List;
import java.util.Objects;

/** A run's performance: the whole account's summary and one per strategy, by name. Immutable. */
public record RunPerformance(PerformanceSummary run, List<PerformanceSummary> strategies) {
    public RunPerformance {
        Objects.requireNonNull(run, "run");
        strategies = List.copyOf(strategies);
    }
}
