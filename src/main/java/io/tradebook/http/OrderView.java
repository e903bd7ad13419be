package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.books.Side;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API shows it, with its history when asked for one order. Immutable. */
record OrderView(UUID id, UUID accountId, String clientOrderId,
                 @JsonPropertyDescription("The strategy (book) the order and its fills are attributed to") String strategy,
                 String symbol, Side side, OrderType type, TimeInForce timeInForce, BigDecimal quantity, BigDecimal limitPrice,
                 BigDecimal stopPrice, OrderStatus status, BigDecimal filledQuantity, BigDecimal remainingQuantity,
                 @JsonPropertyDescription("Quantity-weighted over the fills; null before the first") BigDecimal averageFillPrice,
                 @JsonPropertyDescription("Cash the working order holds back from buying power") BigDecimal reservedCash,
                 String brokerOrderId,
                 @JsonPropertyDescription("Why the order was rejected; null unless REJECTED") RejectReason rejectReason,
                 @JsonPropertyDescription("The reason in words, or what the broker last said") String message,
                 int retryCount, Instant createdAt, Instant updatedAt,
                 @JsonInclude(JsonInclude.Include.NON_NULL)
                 @JsonPropertyDescription("Every state the order went through, oldest first (one order only)") List<OrderEventView> events) {

    /** One step of an order's history. Immutable. */
    record OrderEventView(OrderStatus from, OrderStatus to, Instant time, String brokerOrderId, String message, int retryCount) {
        static OrderEventView of(OrderEvent e) {
            return new OrderEventView(e.from(), e.to(), e.time(), e.brokerOrderId(), e.message(), e.retryCount());
        }
    }

    static OrderView of(Order o) {
        return of(o, null);
    }

    static OrderView of(Order o, List<OrderEvent> history) {
        return new OrderView(UUID.fromString(o.id()), UUID.fromString(o.account()), o.clientOrderId(), o.strategy(), o.symbol(), o.side(),
                o.type(), o.timeInForce(), Plain.of(o.quantity()), Plain.of(o.limitPrice()), Plain.of(o.stopPrice()), o.status(),
                Plain.of(o.filledQuantity()), Plain.of(o.remaining()), Plain.of(o.averageFillPrice()), Plain.of(o.reserved()),
                o.brokerOrderId(), o.rejectReason(), o.message(), o.retryCount(), o.createdAt(), o.updatedAt(),
                history == null ? null : history.stream().map(OrderEventView::of).toList());
    }
}
