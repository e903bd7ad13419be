package io.tradebook.core.orders;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order and where it stands. Immutable: every change returns a new order, and every change of
 * status goes through {@link OrderTransitions}, so an order can only ever be in a legal state.
 *
 * <p>{@code filledNotional} is the exact sum of {@code quantity × price} over its fills, from
 * which the average fill price is derived. {@code reserved} is the cash its buy still holds back
 * from buying power (zero for sells and for finished orders). {@code rejectReason} and
 * {@code message} say why it was rejected, or what the broker last said.
 */
public record Order(String id, String clientOrderId, String account, String strategy, String symbol, Side side, OrderType type,
                    TimeInForce timeInForce, Quantity quantity, Price limitPrice, Price stopPrice, OrderStatus status,
                    Quantity filledQuantity, Money filledNotional, String brokerOrderId, RejectReason rejectReason,
                    String message, int retryCount, BigDecimal confidence, Money reserved, Instant createdAt, Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(filledNotional, "filledNotional");
        Objects.requireNonNull(reserved, "reserved");
        if (filledQuantity.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("order " + id + " filled " + filledQuantity + " of " + quantity);
        }
    }

    /** A new order for {@code request}, PENDING, nothing filled. */
    public static Order accept(String id, OrderRequest r, Money reserved, Instant time) {
        return new Order(id, r.clientOrderId(), r.account(), r.strategy(), r.symbol(), r.side(), r.type(), r.timeInForce(),
                r.quantity(), r.limitPrice(), r.stopPrice(), OrderStatus.PENDING, Quantity.ZERO, Money.zero(reserved.currency()),
                null, null, null, 0, r.confidence(), reserved, time, time);
    }

    /** A new order for {@code request} that is REJECTED at once: the whole record, with its reason. */
    public static Order reject(String id, OrderRequest r, RejectReason reason, String message, Money zero, Instant time) {
        return new Order(id, r.clientOrderId(), r.account(), r.strategy(), r.symbol(), r.side(), r.type(), r.timeInForce(),
                r.quantity(), r.limitPrice(), r.stopPrice(), OrderStatus.REJECTED, Quantity.ZERO, zero, null, reason, message, 0,
                r.confidence(), zero, time, time);
    }

    /** This order in {@code to}; refuses an illegal transition. A finished order holds nothing back. */
    public Order moveTo(OrderStatus to, Instant time, String note) {
        OrderTransitions.require(status, to);
        Money stillReserved = to.isTerminal() ? Money.zero(reserved.currency()) : reserved;
        return new Order(id, clientOrderId, account, strategy, symbol, side, type, timeInForce, quantity, limitPrice, stopPrice, to,
                filledQuantity, filledNotional, brokerOrderId, rejectReason, note == null ? message : note, retryCount, confidence,
                stillReserved, createdAt, time);
    }

    /** This order REJECTED for {@code reason}; refuses it when the order cannot be rejected any more. */
    public Order rejected(RejectReason reason, String note, Instant time) {
        Order moved = moveTo(OrderStatus.REJECTED, time, note);
        return new Order(id, clientOrderId, account, strategy, symbol, side, type, timeInForce, quantity, limitPrice, stopPrice,
                moved.status, filledQuantity, filledNotional, brokerOrderId, reason, note, retryCount, confidence, moved.reserved,
                createdAt, time);
    }

    /**
     * This order after a fill of {@code fillQuantity} at {@code price}: PARTIALLY_FILLED or FILLED,
     * with {@code releasedReservation} less held back. Refuses a fill beyond the open quantity.
     */
    public Order filled(Quantity fillQuantity, Price price, Money releasedReservation, Instant time) {
        Quantity newFilled = filledQuantity.plus(fillQuantity);
        if (newFilled.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("fill of " + fillQuantity + " exceeds the " + remaining() + " open on order " + id);
        }
        OrderStatus to = newFilled.equals(quantity) ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        OrderTransitions.require(status, to);
        Money left = to.isTerminal() ? Money.zero(reserved.currency()) : reserved.minus(releasedReservation);
        return new Order(id, clientOrderId, account, strategy, symbol, side, type, timeInForce, quantity, limitPrice, stopPrice, to,
                newFilled, filledNotional.plus(fillQuantity.times(price)), brokerOrderId, rejectReason, message, retryCount,
                confidence, left.isNegative() ? Money.zero(reserved.currency()) : left, createdAt, time);
    }

    /** This order with the broker's id for it. */
    public Order withBrokerOrderId(String brokerId, Instant time) {
        return new Order(id, clientOrderId, account, strategy, symbol, side, type, timeInForce, quantity, limitPrice, stopPrice, status,
                filledQuantity, filledNotional, brokerId, rejectReason, message, retryCount, confidence, reserved, createdAt, time);
    }

    /** This order after one more failed attempt to reach the broker, with the broker's message. */
    public Order retried(String brokerMessage, Instant time) {
        return new Order(id, clientOrderId, account, strategy, symbol, side, type, timeInForce, quantity, limitPrice, stopPrice, status,
                filledQuantity, filledNotional, brokerOrderId, rejectReason, brokerMessage, retryCount + 1, confidence, reserved,
                createdAt, time);
    }

    /**
     * This working order with a new quantity and prices (cancel-replace), holding back
     * {@code newReserved}; the status stays as it is. Refuses a quantity below what already filled.
     */
    public Order replaced(Quantity newQuantity, Price newLimit, Price newStop, Money newReserved, Instant time) {
        OrderTransitions.require(status, status);
        if (newQuantity.compareTo(filledQuantity) <= 0) {
            throw new IllegalArgumentException("new quantity " + newQuantity + " must exceed the " + filledQuantity + " already filled");
        }
        return new Order(id, clientOrderId, account, strategy, symbol, side, type, timeInForce, newQuantity, newLimit, newStop, status,
                filledQuantity, filledNotional, brokerOrderId, rejectReason, "replaced", retryCount, confidence, newReserved,
                createdAt, time);
    }

    public Quantity remaining() {
        return quantity.minus(filledQuantity);
    }

    /** True while the order can still fill (PENDING, PLACED or PARTIALLY_FILLED). */
    public boolean isOpen() {
        return !status.isTerminal();
    }

    /** The quantity-weighted average price of its fills, or null before the first fill. */
    public Price averageFillPrice() {
        return filledQuantity.isZero() ? null : Price.average(filledNotional, filledQuantity);
    }
}
