package io.tradebook.core.analytics;

import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Follows one account through a run, bar by bar, and measures it at the end: the account's
 * equity curve and exposure, and each strategy's (by the conventions of {@link StrategyEquity}).
 * Mutable, not thread-safe: one run drives it from one thread.
 *
 * <p>Call {@link #record} once per bar, after the bar's fills, with the marks (usually the bar's
 * closes); then {@link #finish}. Refuses a strategy with positions that was not given a capital,
 * a held symbol without a mark, money in another currency, and times that do not increase.
 */
public final class PerformanceRecorder {
    /** The name of the whole run's summary. */
    public static final String RUN = "run";

    private final Currency currency;
    private final EquityCurve.Builder account;
    private Exposure accountExposure = Exposure.none();
    private final Map<String, Track> strategies = new TreeMap<>();

    /** One strategy's capital, curve and exposure. */
    private static final class Track {
        final Money capital;
        final EquityCurve.Builder curve;
        Exposure exposure = Exposure.none();

        Track(Money capital) {
            this.capital = capital;
            this.curve = EquityCurve.builder(capital.currency());
        }
    }

    /**
     * A recorder for an account in {@code currency} whose strategies have the given capital
     * (the net allocation of a budgeted strategy, the pool it draws on for a pooled one).
     */
    public PerformanceRecorder(Currency currency, Map<String, Money> strategyCapital) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.account = EquityCurve.builder(currency);
        strategyCapital.forEach((name, capital) -> {
            if (capital.currency() != currency) {
                throw new IllegalArgumentException("capital of " + name + " in " + capital.currency() + ", account in " + currency);
            }
            strategies.put(name, new Track(capital));
        });
    }

    /** Records the account and every strategy at {@code time}, valued at {@code marks}. */
    public void record(Instant time, AccountBook book, Map<String, Price> marks) {
        for (String name : book.strategies()) {
            if (!strategies.containsKey(name)) {
                throw new IllegalArgumentException("strategy " + name + " has positions but no capital to measure it against");
            }
        }
        account.append(time, StrategyEquity.ofAccount(book, marks));
        accountExposure = accountExposure.plusBar(StrategyEquity.holdsAny(book));
        for (Map.Entry<String, Track> e : strategies.entrySet()) {
            Track track = e.getValue();
            track.curve.append(time, StrategyEquity.of(book, e.getKey(), track.capital, marks));
            track.exposure = track.exposure.plusBar(StrategyEquity.holds(book, e.getKey()));
        }
    }

    /** Bars recorded so far. */
    public int bars() {
        return account.size();
    }

    /**
     * The run's performance: the account's summary (named {@value #RUN}) and one per strategy, by
     * name, with the round trips {@code book} finished. Refuses a run without a recorded bar.
     */
    public RunPerformance finish(AccountBook book, MetricSettings settings) {
        if (account.size() == 0) {
            throw new IllegalStateException("no bar was recorded");
        }
        PerformanceSummary run = PerformanceSummary.of(RUN, account.build(), book.roundTrips(), accountExposure, settings);
        List<PerformanceSummary> perStrategy = new ArrayList<>();
        for (Map.Entry<String, Track> e : strategies.entrySet()) {
            List<RoundTrip> trips = new ArrayList<>();
            book.positionsOf(e.getKey()).forEach(p -> trips.addAll(p.roundTrips()));
            Track track = e.getValue();
            perStrategy.add(PerformanceSummary.of(e.getKey(), track.curve.build(), trips, track.exposure, settings));
        }
        return new RunPerformance(run, perStrategy);
    }

    public Currency currency() {
        return currency;
    }
}
