package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.security.BrokerConnections;
import io.tradebook.security.BrokerCredentials;
import io.tradebook.store.Owned;
import java.util.List;

/**
 * Broker connections ({@code /api/broker-connections}): credentials go in, and never come out.
 * Reading is open to API keys with the read scope; changes need the signed-in user.
 */
final class BrokerConnectionRoutes implements RouteModule {
    private static final String TAG = "Broker connections";
    private static final String PATH = "/api/broker-connections";
    private static final String ONE = PATH + "/{connectionId}";

    /** POST body. Immutable; {@link #toString()} hides the credentials. */
    record NewConnection(
            @JsonProperty(required = true) @JsonPropertyDescription("paper, alpaca, swissquote, ibkr, tradier, tradelocker, angel_one, "
                    + "manual; only paper connects today") String broker,
            @JsonPropertyDescription("The broker's account number; generated for paper when absent") String accountNumber,
            String server,
            @JsonPropertyDescription("Stored encrypted, never returned") String apiKey,
            @JsonPropertyDescription("Stored encrypted, never returned") String apiSecret,
            @JsonPropertyDescription("Stored encrypted, never returned") String accessToken,
            @JsonPropertyDescription("Default true") Boolean canRead,
            @JsonPropertyDescription("Default false: trading must be switched on") Boolean canTrade) {
        @Override
        public String toString() {
            return "NewConnection[" + broker + "]";
        }
    }

    /** PATCH body: an absent field is kept, null clears it. Immutable; {@link #toString()} hides the credentials. */
    record ConnectionChange(String accountNumber, String server, String apiKey, String apiSecret, String accessToken, Boolean canRead,
                            Boolean canTrade) {
        @Override
        public String toString() {
            return "ConnectionChange[]";
        }
    }

    /** The user's connections. Immutable. */
    record ConnectionList(List<ConnectionView> connections) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        BrokerConnections connections = context.brokerConnections();
        routes.add(Route.post(PATH).tag(TAG).summary("Connect a broker account").access(Access.signedIn())
                .body(NewConnection.class).responds(201, ConnectionView.class, "The connection (credentials never shown)")
                .fails(409, "This broker account is already connected")
                .handle(call -> {
                    NewConnection n = call.body(NewConnection.class);
                    return Reply.created(ConnectionView.of(call.unwrap(connections.create(call.userId(), new BrokerConnections.Draft(
                            n.broker(), n.accountNumber(), n.server(), new BrokerCredentials(n.apiKey(), n.apiSecret(), n.accessToken()),
                            n.canRead(), n.canTrade())))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("Your broker connections").access(Access.scope(Scope.READ))
                .responds(200, ConnectionList.class, "The active connections, oldest first")
                .handle(call -> Reply.ok(new ConnectionList(connections.list(call.userId()).stream().map(ConnectionView::of).toList()))));
        routes.add(Route.get(ONE).tag(TAG).summary("One of your broker connections").access(Access.scope(Scope.READ))
                .owned("connectionId", Owned.BROKER_CONNECTION, "The connection's id").responds(200, ConnectionView.class, "The connection")
                .handle(call -> Reply.ok(ConnectionView.of(connections.find(call.userId(), call.id("connectionId"))
                        .orElseThrow(() -> Problems.notFound("no broker connection " + call.id("connectionId")))))));
        routes.add(Route.patch(ONE).tag(TAG).summary("Change a broker connection").access(Access.signedIn())
                .description("Send only what changes. A credential sent as null is deleted; canRead and canTrade cannot be null.")
                .owned("connectionId", Owned.BROKER_CONNECTION, "The connection's id").body(ConnectionChange.class)
                .responds(200, ConnectionView.class, "The changed connection").fails(409, "The new account number is already connected")
                .handle(call -> {
                    Body<ConnectionChange> b = call.bodyWithFields(ConnectionChange.class);
                    ConnectionChange c = b.value();
                    return Reply.ok(ConnectionView.of(call.unwrap(connections.change(call.userId(), call.id("connectionId"),
                            new BrokerConnections.Change(b.edit("accountNumber", c.accountNumber()), b.edit("server", c.server()),
                                    b.edit("apiKey", c.apiKey()), b.edit("apiSecret", c.apiSecret()), b.edit("accessToken", c.accessToken()),
                                    b.edit("canRead", c.canRead()), b.edit("canTrade", c.canTrade()))))));
                }));
        routes.add(Route.delete(ONE).tag(TAG).summary("Delete a broker connection").access(Access.signedIn())
                .description("The connection is deactivated and its credentials are wiped; an account on it keeps its books.")
                .owned("connectionId", Owned.BROKER_CONNECTION, "The connection's id").responds(204, null, "Deleted")
                .handle(call -> {
                    connections.delete(call.userId(), call.id("connectionId"));
                    return Reply.noContent();
                }));
    }
}
