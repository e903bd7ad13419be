package io.tradebook.core.execution;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.execution.ReconciliationReport.CashDifference;
import io.tradebook.core.execution.ReconciliationReport.PositionDifference;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares an account's books with what its broker reports: the net quantity of every symbol
 * (long minus short, summed over the account's strategies) and the cash. Immutable (its settings
 * are fixed; {@code with…} returns a new one). It only reads the books and never changes them: a
 * difference is for a person to investigate, since either side may be the one that is wrong.
 *
 * <p>A broker query that fails (after the retries of its {@link RetryPolicy}) gives an
 * {@link ReconciliationReport.Outcome#UNKNOWN UNKNOWN} report, never a comparison with an empty
 * account. Cash is compared exactly unless a tolerance is set (for a broker that rounds cash to
 * cents while the books keep every digit).
 *
 * <p>The comparison is of two moments, not one: a fill the broker has made but not yet reported
 * shows as a difference. Reconcile when no orders are working, or reconcile again before acting.
 */
public final class Reconciliation {
    private final BookKeeper books;
    private final BrokerPort broker;
    private final Clock clock;
    private final Money cashTolerance;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    /** Exact cash, one broker query without retry. */
    public Reconciliation(BookKeeper books, BrokerPort broker, Clock clock) {
        this(books, broker, clock, null, RetryPolicy.none(), Sleeper.SYSTEM);
    }

    private Reconciliation(BookKeeper books, BrokerPort broker, Clock clock, Money cashTolerance, RetryPolicy retryPolicy,
                           Sleeper sleeper) {
        this.books = Objects.requireNonNull(books, "books");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cashTolerance = cashTolerance;
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** This reconciliation accepting cash that differs by at most {@code tolerance}; refuses a negative one. */
    public Reconciliation withCashTolerance(Money tolerance) {
        return new Reconciliation(books, broker, clock, requireTolerance(tolerance), retryPolicy, sleeper);
    }

    /** This reconciliation asking the broker under {@code policy}, waiting with {@code sleeper}. */
    public Reconciliation withRetries(RetryPolicy policy, Sleeper sleeper) {
        return new Reconciliation(books, broker, clock, cashTolerance, policy, sleeper);
    }

    /** Compares the account's books with the broker's account state; refuses an account the books do not know. */
    public ReconciliationReport reconcile(String account) {
        AccountSnapshot snapshot = books.snapshot(account);
        Instant now = clock.instant();
        BrokerAccountState state;
        try {
            state = BrokerRetry.call(() -> broker.accountState(account), retryPolicy, sleeper, RetryListener.NONE);
        } catch (BrokerException e) {
            return ReconciliationReport.unknown(account, e.getMessage(), now);
        }
        return compare(snapshot, state, cashTolerance, now);
    }

    /** {@link #reconcile(String)}, then the outcome published to {@code sink} ({@link ReconciliationEvents}). */
    public ReconciliationReport reconcile(String account, EventSink sink) {
        ReconciliationReport report = reconcile(account);
        ReconciliationEvents.publish(report, sink);
        return report;
    }

    /**
     * The differences between {@code books} and {@code broker}: every symbol either side holds
     * whose net quantities differ, and the cash when it differs by more than {@code cashTolerance}
     * (null: exactly) or is in another currency. Pure.
     */
    public static ReconciliationReport compare(AccountSnapshot books, BrokerAccountState broker, Money cashTolerance,
                                               Instant time) {
        Objects.requireNonNull(broker.cash(), "broker cash");
        SortedMap<String, Quantity> booksNet = netPositions(books);
        SortedMap<String, Quantity> symbols = new TreeMap<>(booksNet);
        broker.positions().forEach((symbol, q) -> symbols.putIfAbsent(symbol, Quantity.ZERO));
        List<PositionDifference> positions = new ArrayList<>();
        for (String symbol : symbols.keySet()) {
            Quantity ours = booksNet.getOrDefault(symbol, Quantity.ZERO);
            Quantity theirs = broker.positions().getOrDefault(symbol, Quantity.ZERO);
            if (!ours.equals(theirs)) {
                positions.add(new PositionDifference(symbol, ours, theirs));
            }
        }
        Optional<CashDifference> cash = cashDiffers(books.cash(), broker.cash(), cashTolerance)
                ? Optional.of(new CashDifference(books.cash(), broker.cash()))
                : Optional.empty();
        return ReconciliationReport.compared(books.account(), positions, cash, time);
    }

    /** Net quantity per symbol over all strategies: long minus short; a symbol only ever held FLAT is zero. */
    static SortedMap<String, Quantity> netPositions(AccountSnapshot books) {
        SortedMap<String, Quantity> net = new TreeMap<>();
        for (AccountSnapshot.Position p : books.positions()) {
            Quantity signed = p.side() == PositionSide.SHORT ? p.quantity().negate()
                    : p.side() == PositionSide.LONG ? p.quantity() : Quantity.ZERO;
            net.merge(p.symbol(), signed, Quantity::plus);
        }
        return net;
    }

    private static boolean cashDiffers(Money books, Money broker, Money tolerance) {
        if (books.currency() != broker.currency()) {
            return true;
        }
        Money allowed = tolerance == null ? Money.zero(books.currency()) : requireTolerance(tolerance);
        return broker.minus(books).abs().compareTo(allowed) > 0;
    }

    private static Money requireTolerance(Money tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("cash tolerance must not be negative: " + tolerance);
        }
        return tolerance;
    }

    @Override
    public String toString() {
        return "Reconciliation[cashTolerance=" + (cashTolerance == null ? "exact" : cashTolerance) + ", retries=" + retryPolicy + "]";
    }
}
