package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.List;

/**
 * What an account's books say at one moment: cash (pool plus budgets), net deposits, and every
 * strategy's position in every symbol it traded, sorted by strategy and symbol. Immutable.
 */
public record AccountSnapshot(String account, Money cash, Money netDeposits, List<Position> positions) {

    public AccountSnapshot {
        positions = List.copyOf(positions);
    }

    /**
     * One strategy's position in one symbol, over all its lifecycles: the open quantity, side,
     * average price and cost basis (zero when FLAT), realized P&L and fees over every lifecycle,
     * and the number of finished round trips.
     */
    public record Position(String strategy, String symbol, PositionSide side, Quantity quantity, Price averagePrice,
                           Money costBasis, Money realizedPnl, Money fees, int roundTrips) {
    }

    /** Realized P&L over every position. */
    public Money realizedPnl() {
        Money total = Money.zero(cash.currency());
        for (Position p : positions) {
            total = total.plus(p.realizedPnl());
        }
        return total;
    }

    static AccountSnapshot of(AccountBook book) {
        List<Position> lines = book.allPositions().stream()
                .map(p -> new Position(p.strategy(), p.symbol(), p.side(), p.quantity(), p.averagePrice(),
                        p.open() == null ? Money.zero(book.currency()) : p.open().costBasis(), p.realizedPnl(), p.fees(),
                        p.roundTrips().size()))
                .toList();
        return new AccountSnapshot(book.account(), book.cash(), book.netDeposits(), lines);
    }
}
