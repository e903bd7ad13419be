package io.tradebook.core.analytics;

import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.books.StrategyPosition;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import java.util.Map;

/**
 * The equity conventions of {@code docs/metrics.md}, computed from an account's books at marks.
 * Stateless.
 *
 * <ul>
 *   <li>The account (the whole run): cash plus long market value minus short market value, as
 *       {@code docs/accounting.md} defines equity.</li>
 *   <li>A strategy: its capital plus its P&L, realized (net of every fee) and unrealized at the
 *       marks. For a strategy with a budget, the capital is its net allocation, and this equals
 *       its budget's cash plus the value of its holdings exactly. For a strategy on the shared pool,
 *       the capital is the pool it may draw on (the caller's choice, usually the pool at the start),
 *       so its returns are returns on that capital.</li>
 * </ul>
 * Both refuse a held symbol without a mark.
 */
public final class StrategyEquity {
    private StrategyEquity() {
    }

    /** Cash plus long minus short market value of every strategy's positions. */
    public static Money ofAccount(AccountBook book, Map<String, Price> marks) {
        Money equity = book.cash();
        for (StrategyPosition p : book.allPositions()) {
            if (p.side() != PositionSide.FLAT) {
                equity = equity.plus(p.signedMarketValue(markOf(marks, p)));
            }
        }
        return equity;
    }

    /** {@code capital} plus {@code strategy}'s realized and unrealized P&L over all its symbols. */
    public static Money of(AccountBook book, String strategy, Money capital, Map<String, Price> marks) {
        Money equity = capital;
        for (StrategyPosition p : book.positionsOf(strategy)) {
            equity = equity.plus(p.realizedPnl());
            if (p.side() != PositionSide.FLAT) {
                equity = equity.plus(p.unrealizedPnl(markOf(marks, p)));
            }
        }
        return equity;
    }

    /** True when {@code strategy} holds a position in some symbol. */
    public static boolean holds(AccountBook book, String strategy) {
        for (StrategyPosition p : book.positionsOf(strategy)) {
            if (p.side() != PositionSide.FLAT) {
                return true;
            }
        }
        return false;
    }

    /** True when any strategy of the account holds a position. */
    public static boolean holdsAny(AccountBook book) {
        for (StrategyPosition p : book.allPositions()) {
            if (p.side() != PositionSide.FLAT) {
                return true;
            }
        }
        return false;
    }

    private static Price markOf(Map<String, Price> marks, StrategyPosition p) {
        Price mark = marks.get(p.symbol());
        if (mark == null) {
            throw new IllegalArgumentException("no mark price for " + p.symbol() + ", held by " + p.strategy());
        }
        return mark;
    }
}
