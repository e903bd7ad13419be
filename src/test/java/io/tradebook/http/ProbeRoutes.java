package io.tradebook.http;

import io.tradebook.core.access.Scope;
import io.tradebook.store.Owned;
import java.util.UUID;

/**
 * Routes that exist only in tests, the way later features (orders, prices) will plug in: they
 * exercise the trade and market-data scopes, the subscription rule, the broker-connection
 * permission checks and an unexpected failure, and they join the tenancy and bad-input walks.
 */
final class ProbeRoutes implements RouteModule {
    /** What a probe saw. Immutable. */
    record Seen(UUID userId, UUID strategyActivationId, String via) {
    }

    /** A price to push. Immutable. */
    record Price(@com.fasterxml.jackson.annotation.JsonProperty(required = true) String symbol,
                 @com.fasterxml.jackson.annotation.JsonProperty(required = true) java.math.BigDecimal price) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.post("/api/probe/orders").tag("Probe").summary("Trade-scoped probe").access(Access.scope(Scope.TRADE))
                .responds(200, Seen.class, "The caller").handle(call -> Reply.ok(seen(call))));
        routes.add(Route.post("/api/probe/accounts/{accountId}/orders").tag("Probe").summary("Trades through the account's connection")
                .access(Access.scope(Scope.TRADE)).owned("accountId", Owned.ACCOUNT, "An account")
                .responds(200, Seen.class, "Allowed")
                .handle(call -> {
                    call.unwrap(context.brokerConnections().permissionToTrade(call.id("accountId")));
                    return Reply.ok(seen(call));
                }));
        routes.add(Route.get("/api/probe/accounts/{accountId}").tag("Probe").summary("Reads through the account's connection")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, "An account")
                .responds(200, Seen.class, "Allowed")
                .handle(call -> {
                    call.unwrap(context.brokerConnections().permissionToRead(call.id("accountId")));
                    return Reply.ok(seen(call));
                }));
        routes.add(Route.post("/api/probe/prices").tag("Probe").summary("Market-data-scoped probe").access(Access.scope(Scope.MARKET_DATA))
                .body(Price.class).responds(200, Price.class, "The price as read").handle(call -> Reply.ok(call.body(Price.class))));
        routes.add(Route.get("/api/probe/failure").tag("Probe").summary("Fails unexpectedly").access(Access.anyone())
                .responds(200, Seen.class, "Never").handle(call -> {
                    throw new IllegalStateException("an unexpected fault with a secret-looking detail: hunter2");
                }));
    }

    private static Seen seen(Call call) {
        return new Seen(call.userId(), call.principal().strategyActivationId(), call.principal().viaApiKey() ? "api-key" : "session");
    }
}
