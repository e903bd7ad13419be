package io.tradebook.core.strategies;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;

/**
 * The two actions of the long-only built-ins, done the way {@code sma-cross} does them, so that
 * every built-in enters and exits alike. {@link #enter}: when the strategy holds nothing in the
 * symbol and has no open order in it, a DAY market buy of
 * {@code floor(allocation × equity / close)} whole lots ({@link StrategyContext#sizeFor}), nothing
 * when that is not one lot. {@link #exit}: when it is long, its open orders in the symbol are
 * cancelled and everything it holds is sold with a DAY market order. Both orders carry the
 * signal's confidence and fill at the next bar's open. Stateless.
 */
final class LongOnly {
    private LongOnly() {
    }

    /** Buys a new position in the bar's symbol when flat and without open orders; returns the order, or null when none was sent. */
    static Order enter(StrategyContext context, PriceBar bar, double confidence) {
        String symbol = bar.symbol();
        if (!context.position(symbol).isZero() || !context.openOrders(symbol).isEmpty()) {
            return null;
        }
        Quantity units = context.sizeFor(symbol, bar.closePrice());
        if (!units.isPositive()) {
            return null;
        }
        return context.submit(StrategyOrder.market(symbol, Side.BUY, units).withConfidence(confidence));
    }

    /** Sells everything held in the bar's symbol when long (cancelling its open orders there first); returns the order, or null. */
    static Order exit(StrategyContext context, PriceBar bar, double confidence) {
        String symbol = bar.symbol();
        Quantity held = context.position(symbol);
        if (held.signum() <= 0) {
            return null;
        }
        for (Order open : context.openOrders(symbol)) {
            context.cancel(open.id());
        }
        return context.submit(StrategyOrder.market(symbol, Side.SELL, held).withConfidence(confidence));
    }

    /** True when the strategy holds a long position in {@code symbol}. */
    static boolean isLong(StrategyContext context, String symbol) {
        return context.position(symbol).signum() > 0;
    }
}
