package io.tradebook.core.backtest;

import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.Order;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run produced: the plan it ran, its first and last bar times, how many bars and time
 * steps it went through, its performance (the account's equity curve, metrics and round trips,
 * and each strategy's), every fill in the order it was booked, how the orders ended, the rejected
 * orders with their reasons, and what a check of the books against their journal found at the end
 * (nothing, in a correct run). Immutable.
 */
public record BacktestResult(BacktestPlan plan, Instant start, Instant end, long bars, long steps, RunPerformance performance,
                             List<Fill> fills, OrderCounts orders, List<Order> rejected, List<String> bookDifferences) {

    public BacktestResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(performance, "performance");
        fills = List.copyOf(fills);
        rejected = List.copyOf(rejected);
        bookDifferences = List.copyOf(bookDifferences);
    }

    /** The account's equity at the last bar's closes. */
    public Money finalEquity() {
        return performance.run().finalEquity();
    }

    /** Every finished round trip, in exit order. */
    public List<RoundTrip> roundTrips() {
        return performance.run().roundTrips();
    }

    /** The performance of the strategy named {@code name}; refuses a name not in the run. */
    public PerformanceSummary strategy(String name) {
        return performance.strategies().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy " + name + " in this run"));
    }
}
