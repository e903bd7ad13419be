package io.tradebook.core.backtest;

import io.tradebook.core.analytics.Metrics;
import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.Parameters;
import java.util.Objects;

/**
 * One combination of a grid search and how it did: its position in the grid (axes in the order
 * given, the first varying slowest), the strategy's parameter values, and the strategy's final
 * equity and metrics. Immutable.
 */
public record GridRow(int combination, Parameters parameters, Money finalEquity, Metrics metrics) {
    public GridRow {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(metrics, "metrics");
    }
}
