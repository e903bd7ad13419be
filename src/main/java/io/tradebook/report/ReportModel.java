package io.tradebook.report;

import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.books.Fill;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a backtest report shows, as plain values: a title, the run's parameters (in the
 * order given), the whole run's performance (its curve, metrics, monthly returns and round trips),
 * one performance per strategy, the fills, and optionally when it was generated. Immutable.
 *
 * <p>The report prints only what is here, so the same model always gives the same bytes; a
 * generation time appears only when one is given. Refuses a blank title and nulls.
 */
public record ReportModel(String title, List<Parameter> parameters, PerformanceSummary run, List<PerformanceSummary> strategies,
                          List<Fill> fills, Instant generatedAt) {

    /** One run parameter, such as {@code strategy = sma-cross} or {@code fast = 10}. Immutable. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "parameter name");
            Objects.requireNonNull(value, "value of parameter " + name);
        }
    }

    public ReportModel {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a report needs a title");
        }
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(run, "run");
        strategies = List.copyOf(strategies);
        fills = List.copyOf(fills);
    }

    /** A model without a generation time. */
    public static ReportModel of(String title, List<Parameter> parameters, RunPerformance performance, List<Fill> fills) {
        return new ReportModel(title, parameters, performance.run(), performance.strategies(), fills, null);
    }

    /** This model stamped with the time it was generated, printed in the header. */
    public ReportModel generatedAt(Instant time) {
        return new ReportModel(title, parameters, run, strategies, fills, Objects.requireNonNull(time, "time"));
    }
}
