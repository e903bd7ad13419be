package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.security.ApiKeys;
import io.tradebook.store.Owned;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** API keys ({@code /api/keys}): create (shown once), list, show, revoke. Managed by the signed-in user only. */
final class ApiKeyRoutes implements RouteModule {
    private static final String TAG = "API keys";

    /** POST /api/keys. Immutable. */
    record CreateKey(@JsonProperty(required = true) String name,
                     @JsonPropertyDescription("read, trade; market-data for administrators. Default: read") List<Scope> scopes,
                     @JsonPropertyDescription("Bind the key to one of your strategy activations") UUID strategyActivationId,
                     @JsonPropertyDescription("When the key stops working; default never") Instant expiresAt,
                     @JsonPropertyDescription("Requests per minute, 1…100000; default the server's") Integer rateLimitPerMinute) {
    }

    /** A new key: the only time the key itself is shown. Immutable; {@link #toString()} hides it. */
    record CreatedKey(@JsonPropertyDescription("The key: store it now, it is never shown again") String key, KeyView details) {
        @Override
        public String toString() {
            return "CreatedKey[" + details.id() + "]";
        }
    }

    /** The caller's keys. Immutable. */
    record KeyList(List<KeyView> keys) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        ApiKeys keys = context.apiKeys();
        routes.add(Route.post("/api/keys").tag(TAG).summary("Create an API key (shown once)").access(Access.signedIn())
                .body(CreateKey.class).responds(201, CreatedKey.class, "The key and its details")
                .handle(call -> {
                    CreateKey k = call.body(CreateKey.class);
                    Set<Scope> scopes = k.scopes() == null ? null : k.scopes().isEmpty() ? Set.of() : EnumSet.copyOf(k.scopes());
                    ApiKeys.Created created = call.unwrap(keys.create(call.principal(), new ApiKeys.Request(k.name(), scopes,
                            k.strategyActivationId(), k.expiresAt(), k.rateLimitPerMinute())));
                    return Reply.created(new CreatedKey(created.secret(), KeyView.of(created.key())));
                }));
        routes.add(Route.get("/api/keys").tag(TAG).summary("Your API keys (not revoked)").access(Access.signedIn())
                .responds(200, KeyList.class, "The keys, newest first")
                .handle(call -> Reply.ok(new KeyList(keys.list(call.userId()).stream().map(KeyView::of).toList()))));
        routes.add(Route.get("/api/keys/{keyId}").tag(TAG).summary("One of your API keys").access(Access.signedIn())
                .owned("keyId", Owned.API_KEY, "The key's id").responds(200, KeyView.class, "The key")
                .handle(call -> Reply.ok(KeyView.of(keys.find(call.userId(), call.id("keyId"))
                        .orElseThrow(() -> Problems.notFound("no API key " + call.id("keyId")))))));
        routes.add(Route.delete("/api/keys/{keyId}").tag(TAG).summary("Revoke an API key").access(Access.signedIn())
                .owned("keyId", Owned.API_KEY, "The key's id").responds(204, null, "Revoked; the key no longer works")
                .handle(call -> {
                    keys.revoke(call.userId(), call.id("keyId"));
                    return Reply.noContent();
                }));
    }
}
