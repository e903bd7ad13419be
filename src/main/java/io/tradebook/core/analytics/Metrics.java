package io.tradebook.core.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metric set of one equity curve and its round trips, as the backtest's JSON names them.
 * Immutable. Return metrics follow empyrical ({@link ReturnStatistics}); {@code maxDrawdown} is a
 * positive fraction; {@code trades}, {@code winRate} and {@code profitFactor} come from the
 * finished round trips; {@code exposure} is the fraction of bars that ended with a position held.
 * {@code docs/metrics.md} defines each one and its edge cases.
 */
public record Metrics(Metric totalReturn, Metric cagr, Metric volatility, Metric sharpe, Metric sortino, Metric maxDrawdown,
                      Metric calmar, Metric winRate, Metric profitFactor, int trades, Metric exposure) {

    public Metrics {
        Objects.requireNonNull(totalReturn, "totalReturn");
        Objects.requireNonNull(cagr, "cagr");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(sharpe, "sharpe");
        Objects.requireNonNull(sortino, "sortino");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
        Objects.requireNonNull(calmar, "calmar");
        Objects.requireNonNull(winRate, "winRate");
        Objects.requireNonNull(profitFactor, "profitFactor");
        Objects.requireNonNull(exposure, "exposure");
        if (trades < 0) {
            throw new IllegalArgumentException("trades must not be negative: " + trades);
        }
    }

    /** The metrics of {@code returns}, {@code trades} and {@code exposure} under {@code settings}. */
    public static Metrics of(Returns returns, TradeStatistics trades, Exposure exposure, MetricSettings settings) {
        double[] r = returns.values();
        double periods = settings.periodsPerYear();
        return new Metrics(
                Metric.of(returns.totalReturn()),
                Metric.of(ReturnStatistics.cagr(r, periods)),
                Metric.of(ReturnStatistics.annualVolatility(r, periods)),
                Metric.of(ReturnStatistics.sharpe(r, settings.riskFreePerPeriod(), periods)),
                Metric.of(ReturnStatistics.sortino(r, settings.requiredReturnPerPeriod(), periods)),
                Metric.of(ReturnStatistics.maxDrawdown(r)),
                Metric.of(ReturnStatistics.calmar(r, periods)),
                trades.winRate(),
                trades.profitFactor(),
                trades.trades(),
                exposure.fraction());
    }

    /**
     * Every metric under its JSON name, in this fixed order: totalReturn, cagr, volatility,
     * sharpe, sortino, maxDrawdown, calmar, winRate, profitFactor, trades, exposure.
     */
    public Map<String, Metric> byName() {
        Map<String, Metric> named = new LinkedHashMap<>();
        named.put("totalReturn", totalReturn);
        named.put("cagr", cagr);
        named.put("volatility", volatility);
        named.put("sharpe", sharpe);
        named.put("sortino", sortino);
        named.put("maxDrawdown", maxDrawdown);
        named.put("calmar", calmar);
        named.put("winRate", winRate);
        named.put("profitFactor", profitFactor);
        named.put("trades", Metric.count(trades));
        named.put("exposure", exposure);
        return Collections.unmodifiableMap(named);
    }
}
