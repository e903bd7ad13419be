package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.execution.BrokerOrder;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import java.time.Instant;

/**
 * An order as the paper broker works it: its terms, how much has filled, whether its stop has
 * triggered, and {@code barsAfter}, the time of the latest bar of its symbol when it was submitted
 * or replaced (it only matches bars strictly later, so it never sees a bar it could not have traded
 * on). Immutable: every change returns a new one.
 *
 * @param barsAfter null when no bar of the symbol had been seen: then every bar is eligible
 */
record WorkingOrder(String orderId, String brokerOrderId, String account, Instrument instrument, Side side, OrderType type,
                    TimeInForce timeInForce, Quantity quantity, Quantity filled, Price limit, Price stop, boolean triggered,
                    Instant barsAfter) {

    static WorkingOrder accept(Order order, String brokerOrderId, Instrument instrument, Instant lastBar) {
        return new WorkingOrder(order.id(), brokerOrderId, order.account(), instrument, order.side(), order.type(),
                order.timeInForce(), order.quantity(), order.filledQuantity(), order.limitPrice(), order.stopPrice(), false, lastBar);
    }

    String symbol() {
        return instrument.symbol();
    }

    Quantity remaining() {
        return quantity.minus(filled);
    }

    /** IOC and FOK orders get one matching attempt; whatever it does not fill expires. */
    boolean oneShot() {
        return timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK;
    }

    boolean eligibleFor(Bar bar) {
        return barsAfter == null || bar.time().isAfter(barsAfter);
    }

    /** True when {@code price} is at the limit or better: at most the limit for a buy, at least it for a sell. */
    boolean withinLimit(Price price) {
        int c = price.compareTo(limit);
        return side == Side.BUY ? c <= 0 : c >= 0;
    }

    /** True when {@code price} has reached the stop: at or above it for a buy, at or below it for a sell. */
    boolean reachesStop(Price price) {
        int c = price.compareTo(stop);
        return side == Side.BUY ? c >= 0 : c <= 0;
    }

    WorkingOrder triggeredNow() {
        return new WorkingOrder(orderId, brokerOrderId, account, instrument, side, type, timeInForce, quantity, filled, limit, stop,
                true, barsAfter);
    }

    WorkingOrder filledBy(Quantity fill) {
        return new WorkingOrder(orderId, brokerOrderId, account, instrument, side, type, timeInForce, quantity, filled.plus(fill),
                limit, stop, triggered, barsAfter);
    }

    /** New terms (cancel-replace), matched from the bar after {@code lastBar} on; a stop that has triggered stays triggered. */
    WorkingOrder replaced(Quantity newQuantity, Price newLimit, Price newStop, Instant lastBar) {
        return new WorkingOrder(orderId, brokerOrderId, account, instrument, side, type, timeInForce, newQuantity, filled, newLimit,
                newStop, triggered, lastBar);
    }

    BrokerOrder toBrokerOrder() {
        return new BrokerOrder(orderId, brokerOrderId, symbol(), side, remaining());
    }
}
