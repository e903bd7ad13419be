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

        /** {@code q × mark}, positive for a long, negative for a short, zero when flat: what it adds to equity. */
        public Money signedMarketValue(Price mark) {
            Money value = quantity.times(mark);
            return side == PositionSide.SHORT ? value.negate() : value;
        }

        /** Unrealized P&L at {@code mark}: {@code q × mark − cost} for a long, {@code cost − q × mark} for a short. */
        public Money unrealizedPnl(Price mark) {
            Money value = quantity.times(mark);
            return side == PositionSide.SHORT ? costBasis.minus(value) : value.minus(costBasis);
        }
    }

    /** The open holdings summed over strategies, per symbol and side (seed 001's portfolio holdings). Immutable. */
    public record Aggregate(String symbol, PositionSide side, Quantity quantity, Money costBasis, Price averagePrice) {
    }

    /**
     * The account's open holdings summed over its strategies, one line per symbol and side, sorted:
     * two strategies long AAPL make one AAPL LONG line; a strategy short AAPL beside them makes an
     * AAPL SHORT line of its own (they are not netted, as a broker's statement would not net them).
     */
    public List<Aggregate> aggregated() {
        java.util.Map<String, Quantity> quantities = new java.util.TreeMap<>();
        java.util.Map<String, Money> costs = new java.util.TreeMap<>();
        for (Position p : positions) {
            if (p.side() != PositionSide.FLAT) {
                String key = p.symbol() + "\u0000" + p.side().name();
                quantities.merge(key, p.quantity(), Quantity::plus);
                costs.merge(key, p.costBasis(), Money::plus);
            }
        }
        return quantities.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\u0000");
            Money cost = costs.get(e.getKey());
            return new Aggregate(parts[0], PositionSide.valueOf(parts[1]), e.getValue(), cost, Price.average(cost, e.getValue()));
        }).toList();
    }

    /** Unrealized P&L at {@code marks} (a price for every symbol held): long {@code q·m − cost}, short {@code cost − q·m}. */
    public Money unrealizedPnl(java.util.Map<String, Price> marks) {
        Money total = Money.zero(cash.currency());
        for (Position p : positions) {
            if (p.side() != PositionSide.FLAT) {
                total = total.plus(p.unrealizedPnl(markOf(marks, p.symbol())));
            }
        }
        return total;
    }

    /** Equity at {@code marks}: cash plus long market value minus short market value. */
    public Money equity(java.util.Map<String, Price> marks) {
        Money total = cash;
        for (Position p : positions) {
            if (p.side() != PositionSide.FLAT) {
                total = total.plus(p.signedMarketValue(markOf(marks, p.symbol())));
            }
        }
        return total;
    }

    private static Price markOf(java.util.Map<String, Price> marks, String symbol) {
        Price mark = marks.get(symbol);
        if (mark == null) {
            throw new IllegalArgumentException("no mark price for " + symbol);
        }
        return mark;
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
                        p.roundTripCount()))
                .toList();
        return new AccountSnapshot(book.account(), book.cash(), book.netDeposits(), lines);
    }
}
