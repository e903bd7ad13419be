package io.tradebook.core.analytics;

import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The performance of one book over a period (a strategy, or the whole run): its equity curve,
 * the returns measured on it, its finished round trips in exit order, and what they add up to
 * ({@link Metrics}, {@link TradeStatistics}, {@link MonthlyReturns}). Immutable.
 *
 * <p>Refuses a blank name, an empty curve, and round trips in another currency than the curve.
 */
public record PerformanceSummary(String name, EquityCurve curve, MetricSettings settings, Returns returns,
                                 List<RoundTrip> roundTrips, TradeStatistics tradeStatistics, Exposure exposure,
                                 Metrics metrics, MonthlyReturns monthlyReturns) {

    /** Round trips in the order they finished, then by entry, strategy and symbol: a stable order for output. */
    public static final Comparator<RoundTrip> EXIT_ORDER = Comparator.comparing(RoundTrip::exitTime)
            .thenComparing(RoundTrip::entryTime)
            .thenComparing(RoundTrip::strategy)
            .thenComparing(RoundTrip::symbol);

    public PerformanceSummary {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a performance summary needs a name");
        }
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(tradeStatistics, "tradeStatistics");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(monthlyReturns, "monthlyReturns");
        roundTrips = List.copyOf(roundTrips);
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("performance of '" + name + "' needs at least one equity point");
        }
    }

    /**
     * Measures {@code curve} with {@code roundTrips} (finished ones, P&L net of both legs' fees) and
     * {@code exposure} under {@code settings}.
     */
    public static PerformanceSummary of(String name, EquityCurve curve, List<RoundTrip> roundTrips, Exposure exposure,
                                        MetricSettings settings) {
        Objects.requireNonNull(curve, "curve");
        Returns returns = Returns.of(curve, settings.sampling());
        TradeStatistics trades = TradeStatistics.of(roundTrips, curve.currency());
        List<RoundTrip> ordered = inExitOrder(roundTrips) ? roundTrips : roundTrips.stream().sorted(EXIT_ORDER).toList();
        return new PerformanceSummary(name, curve, settings, returns, ordered, trades, exposure,
                Metrics.of(returns, trades, exposure, settings), MonthlyReturns.of(returns));
    }

    /** Equity at the first point. */
    public Money startEquity() {
        return curve.first();
    }

    /** Equity at the last point. */
    public Money finalEquity() {
        return curve.last();
    }

    /** True when {@code trips} are in {@link #EXIT_ORDER} already, as a run books them: a stable sort would leave them as they are. */
    private static boolean inExitOrder(List<RoundTrip> trips) {
        for (int i = 1; i < trips.size(); i++) {
            RoundTrip before = trips.get(i - 1);
            RoundTrip next = trips.get(i);
            int byExit = before.exitTime().compareTo(next.exitTime());
            if (byExit > 0 || byExit == 0 && EXIT_ORDER.compare(before, next) > 0) {
                return false;
            }
        }
        return true;
    }
}
