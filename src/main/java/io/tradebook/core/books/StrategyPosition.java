package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One strategy's position in one symbol across all its lifecycles: the open {@link Holding}, if
 * any, and the totals of the closed ones. Mutable; owned by an {@link AccountBook}.
 */
public final class StrategyPosition {
    private final String strategy;
    private final String symbol;
    private final Currency currency;
    /** The finished round trips, or null in a book that keeps only their count (see {@link AccountBook#figuresOnly}). */
    private final List<RoundTrip> roundTrips;
    private int roundTripCount;
    private Holding open;
    private Money closedRealized;
    private Money closedFees;

    StrategyPosition(String strategy, String symbol, Currency currency, boolean keepRoundTrips) {
        this.roundTrips = keepRoundTrips ? new ArrayList<>() : null;
        this.strategy = strategy;
        this.symbol = symbol;
        this.currency = currency;
        this.closedRealized = Money.zero(currency);
        this.closedFees = Money.zero(currency);
    }

    HoldingChange apply(Fill fill) {
        HoldingChange change = Holding.record(open, fill);
        Holding closed = change.closed();
        if (closed != null) {
            closedRealized = closedRealized.plus(closed.realizedPnl());
            closedFees = closedFees.plus(closed.fees());
            roundTripCount++;
            if (roundTrips != null) {
                roundTrips.add(closed.roundTrip());
            }
        }
        open = change.open();
        return change;
    }

    public String strategy() {
        return strategy;
    }

    public String symbol() {
        return symbol;
    }

    /** The open lifecycle, or null when flat. */
    public Holding open() {
        return open;
    }

    public PositionSide side() {
        return open == null ? PositionSide.FLAT : open.side();
    }

    /** Unsigned quantity held now. */
    public Quantity quantity() {
        return open == null ? Quantity.ZERO : open.quantity();
    }

    public Quantity signedQuantity() {
        return open == null ? Quantity.ZERO : open.signedQuantity();
    }

    /** Average price of the open lifecycle; zero when flat. */
    public Price averagePrice() {
        return open == null ? Price.zero(currency) : open.averagePrice();
    }

    public Money signedCostBasis() {
        return open == null ? Money.zero(currency) : open.signedCostBasis();
    }

    /** Realized P&L over every lifecycle, net of every fee. */
    public Money realizedPnl() {
        return open == null ? closedRealized : closedRealized.plus(open.realizedPnl());
    }

    public Money fees() {
        return open == null ? closedFees : closedFees.plus(open.fees());
    }

    public Money unrealizedPnl(Price mark) {
        return open == null ? Money.zero(currency) : open.unrealizedPnl(mark);
    }

    public Money signedMarketValue(Price mark) {
        return open == null ? Money.zero(currency) : open.signedMarketValue(mark);
    }

    /**
     * The finished round trips, oldest first.
     *
     * @throws IllegalStateException in a book that keeps only their count
     */
    public List<RoundTrip> roundTrips() {
        if (roundTrips == null) {
            throw new IllegalStateException("this book keeps the count of " + strategy + "'s round trips of " + symbol
                    + ", not the round trips: they are stored elsewhere");
        }
        return Collections.unmodifiableList(roundTrips);
    }

    /** How many round trips finished. */
    public int roundTripCount() {
        return roundTripCount;
    }
}
