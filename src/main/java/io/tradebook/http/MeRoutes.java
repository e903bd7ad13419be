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

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.get("/api/me").tag("Me").summary("The caller, their subscription and their credential's scopes")
                .access(Access.scope(Scope.READ)).responds(200, Me.class, "The caller")
                .handle(call -> Reply.ok(new Me(UserView.of(context.users().find(call.userId()).orElseThrow(), call.now()),
                        CredentialView.of(call.principal())))));
    }
}
