package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Role;
import io.tradebook.core.access.Scope;
import io.tradebook.core.access.SubscriptionStatus;
import io.tradebook.store.Owned;
import io.tradebook.store.UserRepository.AdminChange;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** What administrators do ({@code /api/admin/...}): list and change users, set the scopes of any API key. */
final class AdminRoutes implements RouteModule {
    private static final String TAG = "Administration";

    /** PATCH a user: an absent field is kept. Immutable. */
    record UserChange(Role role, SubscriptionStatus subscriptionStatus,
                      @JsonPropertyDescription("When the subscription runs out; null removes the expiry") Instant subscriptionExpires,
                      Boolean active) {
    }

    /** The scopes to set on a key. Immutable. */
    record KeyScopes(@JsonProperty(required = true) @JsonPropertyDescription("read, trade, market-data") List<Scope> scopes) {
    }

    /** Every user. Immutable. */
    record UserList(List<UserView> users) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.get("/api/admin/users").tag(TAG).summary("Every user").access(Access.admin())
                .responds(200, UserList.class, "Users, oldest first")
                .handle(call -> Reply.ok(new UserList(context.administration().users().stream().map(u -> UserView.of(u, call.now()))
                        .toList()))));
        routes.add(Route.patch("/api/admin/users/{userId}").tag(TAG).summary("Change a user's role, subscription or activity")
                .access(Access.admin()).existing("userId", Owned.USER, "The user's id").body(UserChange.class)
                .responds(200, UserView.class, "The changed user").fails(409, "It would remove the last active administrator")
                .handle(call -> {
                    Body<UserChange> b = call.bodyWithFields(UserChange.class);
                    UserChange c = b.value();
                    if (b.has("role") && c.role() == null || b.has("subscriptionStatus") && c.subscriptionStatus() == null
                            || b.has("active") && c.active() == null) {
                        throw Problems.invalid(List.of(new io.tradebook.security.FieldProblem("body",
                                "role, subscriptionStatus and active cannot be null; leave them out to keep them")));
                    }
                    AdminChange change = new AdminChange(c.role(), c.subscriptionStatus(), c.subscriptionExpires(),
                            b.has("subscriptionExpires") && c.subscriptionExpires() == null, c.active());
                    return Reply.ok(UserView.of(call.unwrap(context.administration().change(call.userId(), call.id("userId"), change)),
                            call.now()));
                }));
        routes.add(Route.delete("/api/admin/users/{userId}").tag(TAG).summary("Delete a user and everything of theirs")
                .access(Access.admin()).existing("userId", Owned.USER, "The user's id")
                .responds(204, null, "Deleted, with their accounts, orders, books, keys, ideas and notifications")
                .fails(409, "It is the last active administrator")
                .handle(call -> {
                    call.unwrap(context.administration().delete(call.userId(), call.id("userId"), null, context.trading()::retireUser));
                    return Reply.noContent();
                }));
        routes.add(Route.patch("/api/admin/api-keys/{keyId}").tag(TAG).summary("Set the scopes of any API key (grants market-data)")
                .access(Access.admin()).existing("keyId", Owned.API_KEY, "The key's id").body(KeyScopes.class)
                .responds(200, KeyView.class, "The key with its new scopes")
                .handle(call -> {
                    List<Scope> scopes = call.body(KeyScopes.class).scopes();
                    return Reply.ok(KeyView.of(call.unwrap(context.apiKeys().setScopes(call.userId(), call.id("keyId"),
                            scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes)))));
                }));
    }
}
