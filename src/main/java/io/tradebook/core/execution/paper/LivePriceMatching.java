package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Price;

/**
 * The matching rules against the live price (see {@code docs/paper-broker.md}). The order sees
 * {@code p}, the ask for a buy or the bid for a sell:
 *
 * <pre>
 * MARKET      fills at p
 * LIMIT       fills at p when p is at the limit or better
 * STOP_LOSS   triggers when p reaches the stop, then fills at p (a gap fills at the gap price)
 * STOP_LIMIT  triggers when p reaches the stop, then fills at p when p is at the limit or better
 * </pre>
 *
 * Stateless.
 */
final class LivePriceMatching {
    private LivePriceMatching() {
    }

    static Match match(WorkingOrder order, LivePrice live) {
        Price p = live.priceFor(order.side());
        boolean triggered = order.triggered() || (order.type().needsStop() && order.reachesStop(p));
        return switch (order.type()) {
            case MARKET -> Match.at(p, false);
            case LIMIT -> order.withinLimit(p) ? Match.at(p, false) : Match.none(false);
            case STOP_LOSS -> triggered ? Match.at(p, true) : Match.none(false);
            case STOP_LIMIT -> triggered && order.withinLimit(p) ? Match.at(p, true) : Match.none(triggered);
        };
    }
}
