package io.tradebook.core.execution;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an account is worth at the latest prices and what it can still buy: every strategy's
 * position marked to market, the account's equity, its P&L, what its open orders hold back, and
 * the buying power of its shared pool. Immutable; computed from a snapshot of the books, never
 * stored.
 *
 * <p>A position is marked at the latest price of its symbol, else at its own average price (so
 * a symbol nobody has priced yet shows no unrealized P&L). Buying power follows the rules the
 * order path applies ({@link BuyingPower}, docs/accounting.md): for a CASH account, the pool's
 * cash minus what the open orders of pooled strategies hold back; for a MARGIN account, the
 * further exposure a 50% initial margin allows: {@code 2 × (equity − held) − gross exposure}. It
 * is never below zero. Strategies with a segregated budget have their own cash and are not part
 * of it.
 *
 * @param cash             cash over the pool and every budget
 * @param marketValue      long market value minus short market value
 * @param grossExposure    long plus short market value
 * @param equity           cash plus {@code marketValue}
 * @param unrealizedPnl    over every open position, at the marks
 * @param realizedPnl      over every position, net of fees
 * @param fees             every fee paid
 * @param held             what the open orders hold back
 * @param buyingPower      what the shared pool can still buy (see above)
 * @param positions        every strategy's position in every symbol it traded, flat ones included
 */
public record AccountValuation(Money cash, Money marketValue, Money grossExposure, Money equity, Money unrealizedPnl,
                               Money realizedPnl, Money fees, Money held, Money buyingPower, List<MarkedPosition> positions) {

    public AccountValuation {
        positions = List.copyOf(positions);
    }

    /** One strategy's position in one symbol with its mark, its signed market value and its unrealized P&L. Immutable. */
    public record MarkedPosition(AccountSnapshot.Position position, Price mark, Money marketValue, Money unrealizedPnl) {
        public MarkedPosition {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(mark, "mark");
        }
    }

    /**
     * Values {@code snapshot} for {@code account}.
     *
     * @param poolCash   the shared pool's cash (the account's cash less every segregated budget)
     * @param openOrders the account's open orders
     * @param allocated  whether a strategy trades from a segregated budget
     */
    public static AccountValuation of(TradingAccount account, AccountSnapshot snapshot, Money poolCash, ReferencePrices prices,
                                      Collection<Order> openOrders, Predicate<String> allocated) {
        Money zero = Money.zero(account.currency());
        Money marketValue = zero;
        Money gross = zero;
        Money unrealized = zero;
        Money fees = zero;
        List<MarkedPosition> marked = new ArrayList<>();
        for (AccountSnapshot.Position p : snapshot.positions()) {
            Price mark = prices.markOf(p);
            Money value = p.side() == PositionSide.FLAT ? zero : p.signedMarketValue(mark);
            Money pnl = p.side() == PositionSide.FLAT ? zero : p.unrealizedPnl(mark);
            marked.add(new MarkedPosition(p, mark, value, pnl));
            marketValue = marketValue.plus(value);
            gross = gross.plus(value.abs());
            unrealized = unrealized.plus(pnl);
            fees = fees.plus(p.fees());
        }
        Money equity = snapshot.cash().plus(marketValue);
        Money held = zero;
        Money heldByPool = zero;
        for (Order o : openOrders) {
            held = held.plus(o.reserved());
            if (!allocated.test(o.strategy())) {
                heldByPool = heldByPool.plus(o.reserved());
            }
        }
        Money buyingPower = account.type() == AccountType.CASH ? poolCash.minus(heldByPool)
                : Money.of(equity.minus(held).amount().divide(BuyingPower.INITIAL_MARGIN), account.currency()).minus(gross);
        if (buyingPower.isNegative()) {
            buyingPower = zero;
        }
        return new AccountValuation(snapshot.cash(), marketValue, gross, equity, unrealized, snapshot.realizedPnl(), fees, held,
                buyingPower, marked);
    }
}
