package io.tradebook.core.execution;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderCheck.Problem;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.RejectReason;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether an account can afford an order and how much it must hold back while the order
 * works (see {@code docs/accounting.md}, "Buying power"):
 * <ul>
 *   <li>A strategy with a segregated budget, and any strategy of a CASH account, buys only with
 *       cash it has: its budget (or the shared pool) minus what its open buy orders already hold
 *       back must cover {@code quantity × reserve price + fee estimate}.</li>
 *   <li>A CASH account cannot short: a strategy sells at most what it holds minus what its open
 *       sell orders already offer.</li>
 *   <li>A MARGIN account's pooled strategies trade under a Reg-T style initial margin of 50%:
 *       half of the gross exposure (positions at their marks, plus what open orders would add,
 *       plus this order's increase) must not exceed the account's equity.</li>
 * </ul>
 * Orders that only reduce a position need no buying power. Stateless.
 */
public final class BuyingPower {
    /** Reg-T initial margin: half of the exposure must be equity. */
    public static final BigDecimal INITIAL_MARGIN = new BigDecimal("0.5");

    private BuyingPower() {
    }

    /**
     * What an account's open orders hold back, as the check reads it: amounts in the account's
     * currency, each a sum over the open orders (zero when none holds anything).
     */
    interface Holds {
        /** The cash {@code strategy}'s open orders reserve. */
        BigDecimal reservedBy(String strategy);

        /** The strategies whose open orders reserve cash. */
        Set<String> reservingStrategies();

        /** The cash all open orders reserve. */
        BigDecimal reservedTotal();

        /** The units {@code strategy}'s open sell orders in {@code symbol} still offer. */
        Quantity offered(String strategy, String symbol);
    }

    /** The outcome: either a problem, or what to hold back (possibly zero). */
    public record Decision(Problem problem, Money reserve) {
        public boolean approved() {
            return problem == null;
        }
    }

    /**
     * @param position the strategy's signed position in the symbol now
     * @param reservePrice the price a buy is assumed to pay per unit (its limit, or the reference price plus a buffer)
     * @param referencePrice the latest price of the symbol, to value the order and positions
     * @param feeEstimate the fee the order is expected to cost
     * @param open what the account's open orders hold back
     * @param allocated whether a strategy of the account trades from a segregated budget
     */
    static Decision check(TradingAccount account, StrategyActivation activation, Quantity position, OrderRequest r, Price reservePrice,
                          Price referencePrice, Money feeEstimate, Holds open, BookKeeper books,
                          ReferencePrices marks, Predicate<String> allocated) {
        Money zero = Money.zero(account.currency());
        Quantity increase = increase(position, r.side(), r.quantity());
        if (r.side() == Side.SELL && account.type() == AccountType.CASH) {
            Quantity offered = open.offered(r.strategy(), r.symbol());
            Quantity free = position.minus(offered);
            if (free.compareTo(r.quantity()) < 0) {
                return new Decision(new Problem(RejectReason.SHORT_SELLING_NOT_ALLOWED, "a CASH account cannot short: strategy "
                        + r.strategy() + " holds " + position + " " + r.symbol() + ", " + offered
                        + " already offered on open sell orders, and this order sells " + r.quantity()), zero);
            }
            return new Decision(null, zero);
        }
        if (increase.isZero()) {
            return new Decision(null, zero);
        }
        if (account.type() == AccountType.CASH || activation.allocated()) {
            if (r.side() == Side.SELL) {
                return new Decision(new Problem(RejectReason.SHORT_SELLING_NOT_ALLOWED,
                        "strategy " + r.strategy() + " trades from a segregated budget and cannot short " + r.symbol()), zero);
            }
            Money cost = r.quantity().times(reservePrice).plus(feeEstimate);
            // a budgeted strategy competes only with itself; pooled strategies share the pool
            BigDecimal heldAmount = BigDecimal.ZERO;
            if (activation.allocated()) {
                heldAmount = open.reservedBy(r.strategy());
            } else {
                for (String strategy : open.reservingStrategies()) {
                    if (!allocated.test(strategy)) {
                        heldAmount = heldAmount.add(open.reservedBy(strategy));
                    }
                }
            }
            Money held = Money.of(heldAmount, account.currency());
            Money available = books.cashAvailable(account.key(), r.strategy()).minus(held);
            if (available.compareTo(cost) < 0) {
                return new Decision(new Problem(RejectReason.INSUFFICIENT_BUYING_POWER, "order needs "
                        + cost.toPlainString() + " " + account.currency() + " (" + r.quantity() + " x " + reservePrice.toPlainString()
                        + " + fee " + feeEstimate.toPlainString() + ") but " + (activation.allocated() ? "the budget of " + r.strategy()
                        : "the shared pool") + " has " + available.toPlainString() + " available (" + held.toPlainString()
                        + " held for open orders)"), zero);
            }
            return new Decision(null, cost);
        }
        return marginCheck(account, r, increase, referencePrice, open, books, marks);
    }

    private static Decision marginCheck(TradingAccount account, OrderRequest r, Quantity increase, Price referencePrice,
                                        Holds open, BookKeeper books, ReferencePrices marks) {
        AccountSnapshot snapshot = books.snapshot(account.key());
        Map<String, Price> prices = new HashMap<>();
        Money gross = Money.zero(account.currency());
        for (AccountSnapshot.Position p : snapshot.positions()) {
            if (p.side() != PositionSide.FLAT) {
                Price mark = marks.markOf(p);
                prices.put(p.symbol(), mark);
                gross = gross.plus(p.quantity().times(mark));
            }
        }
        Money pending = Money.of(open.reservedTotal(), account.currency());
        Money equity = snapshot.equity(prices);
        Money orderExposure = increase.times(referencePrice);
        Money required = Money.of(gross.plus(orderExposure).amount().multiply(INITIAL_MARGIN), account.currency()).plus(pending);
        if (required.compareTo(equity) > 0) {
            return new Decision(new Problem(RejectReason.INSUFFICIENT_BUYING_POWER, "Reg-T initial margin: 50% of exposure "
                    + gross.plus(orderExposure).toPlainString() + " plus " + pending.toPlainString() + " held for open orders is "
                    + required.toPlainString() + ", above equity " + equity.toPlainString()), Money.zero(account.currency()));
        }
        return new Decision(null, Money.of(orderExposure.amount().multiply(INITIAL_MARGIN), account.currency()));
    }

    /** How much of {@code quantity} on {@code side} adds to the position's size (the part beyond zero for a crossing order). */
    static Quantity increase(Quantity position, Side side, Quantity quantity) {
        int sign = side == Side.BUY ? 1 : -1;
        if (position.signum() == 0 || position.signum() == sign) {
            return quantity;
        }
        Quantity beyond = quantity.minus(position.abs());
        return beyond.signum() > 0 ? beyond : Quantity.ZERO;
    }
}
