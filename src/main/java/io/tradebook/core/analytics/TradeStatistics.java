package io.tradebook.core.analytics;

import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * What a list of finished round trips adds up to: how many, how many won ({@code pnl > 0}) and
 * lost ({@code pnl < 0}; a trade at exactly zero is neither), the gross profit of the winners and
 * the gross loss of the losers (a positive amount), exactly. A round trip's P&L is net of the fees
 * of both legs (see {@code docs/accounting.md}). Immutable.
 *
 * <p>Refuses round trips in more than one currency.
 */
public record TradeStatistics(int trades, int wins, int losses, Money grossProfit, Money grossLoss) {

    public TradeStatistics {
        Objects.requireNonNull(grossProfit, "grossProfit");
        Objects.requireNonNull(grossLoss, "grossLoss");
        if (trades < 0 || wins < 0 || losses < 0 || wins + losses > trades) {
            throw new IllegalArgumentException("inconsistent trade counts: " + trades + " trades, " + wins + " wins, " + losses + " losses");
        }
        if (grossProfit.isNegative() || grossLoss.isNegative()) {
            throw new IllegalArgumentException("gross profit and gross loss are positive amounts");
        }
    }

    /** The statistics of {@code roundTrips}, whose amounts are in {@code currency}. */
    public static TradeStatistics of(List<RoundTrip> roundTrips, Currency currency) {
        java.math.BigDecimal profit = java.math.BigDecimal.ZERO;
        java.math.BigDecimal loss = java.math.BigDecimal.ZERO;
        int wins = 0;
        int losses = 0;
        for (RoundTrip trip : roundTrips) {
            Money pnl = trip.pnl();
            if (pnl.currency() != currency) {
                throw new IllegalArgumentException("round trip of " + trip.symbol() + " in " + pnl.currency() + ", expected " + currency);
            }
            int sign = pnl.signum();
            if (sign > 0) {
                wins++;
                profit = profit.add(pnl.amount());
            } else if (sign < 0) {
                losses++;
                loss = loss.subtract(pnl.amount());
            }
        }
        return new TradeStatistics(roundTrips.size(), wins, losses, Money.of(profit, currency), Money.of(loss, currency));
    }

    /** Net P&L of all round trips: gross profit − gross loss. */
    public Money netPnl() {
        return grossProfit.minus(grossLoss);
    }

    /** {@code wins / trades}; undefined without trades. */
    public Metric winRate() {
        return trades == 0 ? Metric.undefined() : Metric.of((double) wins / trades);
    }

    /**
     * {@code grossProfit / grossLoss}, divided exactly to 34 digits; undefined without a winner or
     * a loser, +infinity with winners and no loser, 0 with losers and no winner.
     */
    public Metric profitFactor() {
        if (grossLoss.isZero()) {
            return grossProfit.isZero() ? Metric.undefined() : Metric.of(Double.POSITIVE_INFINITY);
        }
        return Metric.of(grossProfit.amount().divide(grossLoss.amount(), MathContext.DECIMAL128).doubleValue());
    }
}
