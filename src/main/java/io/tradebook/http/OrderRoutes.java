package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.books.Side;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.store.OrderHistory;
import io.tradebook.store.Owned;
import io.tradebook.store.Page;
import io.tradebook.trading.OrderService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Orders of an account ({@code /api/accounts/{accountId}/orders}): submit, list, read with history,
 * cancel, cancel-replace. Submitting, cancelling and replacing need the trade scope, a subscription
 * that allows trading and a broker connection that may trade; see docs/api.md, "Orders", for what
 * each status means.
 */
final class OrderRoutes implements RouteModule {
    private static final String TAG = "Orders";
    private static final String PATH = "/api/accounts/{accountId}/orders";
    private static final String ONE = PATH + "/{orderId}";
    private static final String ACCOUNT = "The account's id";
    private static final String ORDER = "The order's id";

    /** POST body. Immutable. */
    record NewOrder(@JsonProperty(required = true) @JsonPropertyDescription("The ticker, as in the security master") String symbol,
                    @JsonProperty(required = true) Side side,
                    @JsonProperty(required = true) OrderType type,
                    @JsonProperty(required = true) BigDecimal quantity,
                    @JsonPropertyDescription("Required for LIMIT and STOP_LIMIT, refused otherwise") BigDecimal limitPrice,
                    @JsonPropertyDescription("Required for STOP_LOSS and STOP_LIMIT, refused otherwise") BigDecimal stopPrice,
                    @JsonPropertyDescription("Default DAY") TimeInForce timeInForce,
                    @JsonPropertyDescription("The account's book to attribute it to; default 'manual' (an API key bound to a strategy "
                            + "always orders for that one)") String strategy,
                    @JsonPropertyDescription("Your id: the same id again on this account returns the first order (200)")
                    String clientOrderId) {
    }

    /** PATCH body: the new terms; an absent field is kept. Immutable. */
    record OrderChange(@JsonPropertyDescription("The new total quantity, filled part included") BigDecimal quantity,
                       BigDecimal limitPrice, BigDecimal stopPrice) {
    }

    /** A page of orders. Immutable. */
    record OrderList(List<OrderView> orders, @JsonPropertyDescription("Pass as cursor for the next page; null on the last") String nextCursor) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        OrderService orders = context.trading().orders();
        OrderHistory history = new OrderHistory(context.database().jdbi());
        routes.add(Route.post(PATH).tag(TAG).summary("Submit an order").access(Access.scope(Scope.TRADE))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).body(NewOrder.class)
                .description("A well-formed order always comes back as an order: FILLED or PLACED when it went through, REJECTED "
                        + "with rejectReason and message when the order path turned it down (unknown symbol, quantity off the lot, "
                        + "price off the tick, no price, risk rule, buying power). A malformed request is 422 and stores nothing.")
                .responds(201, OrderView.class, "The new order, in whatever state the order path left it (REJECTED included)")
                .fails(403, "No trade scope, a subscription that does not allow trading, the account's broker connection may not trade "
                        + "(canTrade false, deleted, not connected), or an API key bound to a strategy of another account")
                .responds(200, OrderView.class, "The clientOrderId was already used on this account: the first order, as it stands")
                .fails(409, "Other server processes changed the account through every retry; nothing was stored: send it again")
                .handle(call -> {
                    UUID account = call.id("accountId");
                    call.unwrap(context.brokerConnections().permissionToTrade(account));
                    NewOrder n = call.body(NewOrder.class);
                    OrderService.Submitted s = call.unwrap(orders.submit(account, new OrderService.Ticket(n.symbol(), n.side(), n.type(),
                            n.quantity(), n.limitPrice(), n.stopPrice(), n.timeInForce(), n.strategy(), n.clientOrderId()),
                            call.principal().strategyActivationId()));
                    return Reply.status(s.created() ? 201 : 200, OrderView.of(s.order()));
                }));
        routes.add(Paging.declare(Route.get(PATH)).tag(TAG).summary("The account's orders, newest first").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .query("status", String.class, false, "Only these statuses, comma-separated (e.g. PLACED,PARTIALLY_FILLED)")
                .query("symbol", String.class, false, "Only this symbol")
                .query("strategy", String.class, false, "Only this strategy")
                .query("from", java.time.Instant.class, false, "Created at or after")
                .query("to", java.time.Instant.class, false, "Created before")
                .responds(200, OrderList.class, "A page of orders")
                .handle(call -> {
                    Paging paging = Paging.of(call);
                    OrderHistory.Filter filter = new OrderHistory.Filter(call.queryEnums("status", OrderStatus.class),
                            call.queryText("symbol", 50).orElse(null), call.queryText("strategy", 100).orElse(null),
                            call.queryInstant("from").orElse(null), call.queryInstant("to").orElse(null));
                    Page<Order> page = paging.read(() -> history.list(call.id("accountId"), filter, paging.cursor(), paging.limit()));
                    return Reply.ok(new OrderList(page.items().stream().map(OrderView::of).toList(), Paging.next(page)));
                }));
        routes.add(Route.get(ONE).tag(TAG).summary("One order, with its history").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("orderId", Owned.ORDER, ORDER)
                .responds(200, OrderView.class, "The order as it stands, and every state it went through")
                .handle(call -> {
                    UUID id = call.id("orderId");
                    Order order = orders.find(call.id("accountId"), id).orElseThrow(() -> Problems.notFound("no order " + id));
                    return Reply.ok(OrderView.of(order, orders.events(id)));
                }));
        routes.add(Route.delete(ONE).tag(TAG).summary("Cancel a working order").access(Access.scope(Scope.TRADE))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("orderId", Owned.ORDER, ORDER)
                .responds(200, OrderView.class, "The order as it stands after the cancel: CANCELLED (or, rarely, still working while "
                        + "the broker's confirmation is on its way, or while another server process that works it cancels it)")
                .fails(409, "The order is no longer working (FILLED, CANCELLED, REJECTED, EXPIRED)")
                .fails(403, "No trade scope, a subscription that does not allow trading, or a broker connection that may not trade")
                .handle(call -> {
                    UUID account = call.id("accountId");
                    call.unwrap(context.brokerConnections().permissionToTrade(account));
                    return Reply.ok(OrderView.of(call.unwrap(orders.cancel(account, call.id("orderId")))));
                }));
        routes.add(Route.patch(ONE).tag(TAG).summary("Replace a working order's quantity or prices (cancel-replace)")
                .access(Access.scope(Scope.TRADE)).owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("orderId", Owned.ORDER, ORDER)
                .body(OrderChange.class)
                .description("The new terms are checked like a new order's (tick, lot, buying power without the order's own "
                        + "reservation). A refused replacement leaves the order as it was.")
                .responds(200, OrderView.class, "The order with its new terms (it may have filled on them at once)")
                .fails(409, "The order is no longer working, or another server process works it (the problem names its node)")
                .fails(403, "No trade scope, a subscription that does not allow trading, or a broker connection that may not trade")
                .handle(call -> {
                    UUID account = call.id("accountId");
                    call.unwrap(context.brokerConnections().permissionToTrade(account));
                    OrderChange c = call.body(OrderChange.class);
                    return Reply.ok(OrderView.of(call.unwrap(orders.replace(account, call.id("orderId"), c.quantity(), c.limitPrice(),
                            c.stopPrice()))));
                }));
    }
}
