package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Principal;
import io.tradebook.core.access.Scope;
import java.util.Set;
import java.util.UUID;

/** {@code GET /api/me}: who the caller is, their subscription, and what their credential allows. */
final class MeRoutes implements RouteModule {

    /** The caller. Immutable. */
    record Me(UserView user, CredentialView credential) {
    }

    /** How the caller signed this request. Immutable. */
    record CredentialView(@JsonPropertyDescription("session (an access token) or api-key") String method,
                          Set<Scope> scopes, UUID apiKeyId,
                          @JsonPropertyDescription("The strategy activation an API key's orders are attributed to") UUID strategyActivationId) {
        static CredentialView of(Principal p) {
            return new CredentialView(p.viaApiKey() ? "api-key" : "session", p.scopes(), p.apiKeyId(), p.strategyActivationId());
        }
    }

    /** The password that confirms deleting oneself. Immutable. */
    record Confirmation(@com.fasterxml.jackson.annotation.JsonProperty(required = true)
                        @JsonPropertyDescription("The caller's password") String password) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.post("/api/me/deletion").tag("Me").summary("Delete yourself and everything of yours (accounts, orders, books, keys, ideas…)")
                .access(Access.signedIn()).body(Confirmation.class)
                .responds(204, null, "Deleted: the user and all their data are gone; their tokens and keys no longer count")
                .fails(403, "Signed with an API key: only a signed-in session may delete its user")
                .handle(call -> {
                    Confirmation c = call.body(Confirmation.class);
                    if (c.password() == null || c.password().isEmpty()) {
                        throw Problems.invalid(java.util.List.of(new io.tradebook.security.FieldProblem("password", "is required")));
                    }
                    call.unwrap(context.administration().delete(call.userId(), call.userId(), c.password(),
                            context.trading()::retireUser));
                    return Reply.noContent();
                }));
        routes.add(Route.get("/api/me").tag("Me").summary("The caller, their subscription and their credential's scopes")
                .access(Access.scope(Scope.READ)).responds(200, Me.class, "The caller")
                .handle(call -> Reply.ok(new Me(UserView.of(context.users().find(call.userId()).orElseThrow(), call.now()),
                        CredentialView.of(call.principal())))));
    }
}
