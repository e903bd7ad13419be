package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Price;

/**
 * The matching rules against a bar (see {@code docs/paper-broker.md}), for a buy; a sell mirrors
 * them with high and low swapped:
 *
 * <pre>
 * MARKET      fills at the open
 * LIMIT       open ≤ limit: at the open; else low ≤ limit: at the limit
 * STOP_LOSS   triggered before, or open ≥ stop (a gap): at the open; else high ≥ stop: at the stop
 * STOP_LIMIT  triggered before: as LIMIT
 *             open ≥ stop (a gap): triggers at the open, then as LIMIT over the whole bar
 *             else high ≥ stop: triggers at the stop; fills at the stop when stop ≤ limit, else rests
 * </pre>
 *
 * A STOP_LIMIT that triggers inside the bar with its limit below the stop does not fill on that
 * bar: a bar does not say whether its low came before or after its high. Stateless.
 */
final class BarMatching {
    private BarMatching() {
    }

    static Match match(WorkingOrder order, Bar bar) {
        return switch (order.type()) {
            case MARKET -> Match.at(bar.open(), false);
            case LIMIT -> asLimit(order, bar, false);
            case STOP_LOSS -> asStopMarket(order, bar);
            case STOP_LIMIT -> asStopLimit(order, bar);
        };
    }

    private static Match asLimit(WorkingOrder order, Bar bar, boolean triggered) {
        if (order.withinLimit(bar.open())) {
            return Match.at(bar.open(), triggered);
        }
        if (order.withinLimit(towardsLimit(order, bar))) {
            return Match.at(order.limit(), triggered);
        }
        return Match.none(triggered);
    }

    private static Match asStopMarket(WorkingOrder order, Bar bar) {
        if (order.triggered() || order.reachesStop(bar.open())) {
            return Match.at(bar.open(), true);
        }
        if (order.reachesStop(towardsStop(order, bar))) {
            return Match.at(order.stop(), true);
        }
        return Match.none(false);
    }

    private static Match asStopLimit(WorkingOrder order, Bar bar) {
        if (order.triggered() || order.reachesStop(bar.open())) {
            return asLimit(order, bar, true);
        }
        if (order.reachesStop(towardsStop(order, bar))) {
            return order.withinLimit(order.stop()) ? Match.at(order.stop(), true) : Match.none(true);
        }
        return Match.none(false);
    }

    /** The bar's extreme a limit waits for: the low for a buy, the high for a sell. */
    private static Price towardsLimit(WorkingOrder order, Bar bar) {
        return order.side() == Side.BUY ? bar.low() : bar.high();
    }

    /** The bar's extreme a stop waits for: the high for a buy, the low for a sell. */
    private static Price towardsStop(WorkingOrder order, Bar bar) {
        return order.side() == Side.BUY ? bar.high() : bar.low();
    }
}
