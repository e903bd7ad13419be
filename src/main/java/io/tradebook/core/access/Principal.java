package io.tradebook.core.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a user, how they proved it (a signed-in session or an API key) and what that
 * proof allows. Immutable.
 *
 * <p>A session carries {@link Scope#READ} and {@link Scope#TRADE}, plus {@link Scope#MARKET_DATA}
 * for an administrator. A key carries exactly the scopes it was given, and may be bound to one
 * strategy activation: everything it orders is then attributed to that strategy.
 *
 * @param userId                the user; never null
 * @param role                  the user's role as stored now; never null
 * @param scopes                what this proof allows; never null
 * @param subscription          the user's subscription as stored now; never null
 * @param sessionId             the sign-in session, or null for an API key
 * @param apiKeyId              the API key, or null for a session
 * @param strategyActivationId  the strategy activation a key is bound to, or null
 */
public record Principal(UUID userId, Role role, Set<Scope> scopes, Subscription subscription, UUID sessionId, UUID apiKeyId,
                        UUID strategyActivationId) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subscription, "subscription");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        if ((sessionId == null) == (apiKeyId == null)) {
            throw new IllegalArgumentException("a principal is either a session or an API key");
        }
        if (sessionId != null && strategyActivationId != null) {
            throw new IllegalArgumentException("only an API key can be bound to a strategy");
        }
    }

    /** A signed-in session of {@code userId}: read and trade, and market data for an administrator. */
    public static Principal session(UUID userId, Role role, Subscription subscription, UUID sessionId) {
        Set<Scope> scopes = role == Role.ADMIN ? EnumSet.allOf(Scope.class) : EnumSet.of(Scope.READ, Scope.TRADE);
        return new Principal(userId, role, scopes, subscription, Objects.requireNonNull(sessionId, "sessionId"), null, null);
    }

    /** An API key of {@code userId} with its scopes and optional strategy binding. */
    public static Principal apiKey(UUID userId, Role role, Subscription subscription, UUID apiKeyId, Set<Scope> scopes,
                                   UUID strategyActivationId) {
        return new Principal(userId, role, scopes, subscription, null, Objects.requireNonNull(apiKeyId, "apiKeyId"),
                strategyActivationId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** True when this caller may trade at {@code now}: the trade scope and a subscription that allows it. */
    public boolean mayTrade(Instant now) {
        return has(Scope.TRADE) && subscription.allowsTrading(now);
    }
}
