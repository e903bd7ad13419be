package io.tradebook.http;

import io.tradebook.core.access.Principal;
import io.tradebook.core.access.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call a route. Immutable. Every route states one, so no route is open by accident:
 * <ul>
 *   <li>{@link #anyone()}: no credentials needed (sign-in, health, the API description);</li>
 *   <li>{@link #signedIn()}: a signed-in user's access token; API keys are refused (managing keys,
 *       connections and the user's own phone);</li>
 *   <li>{@link #scope(Scope)}: an access token, or an API key with that scope. {@link Scope#TRADE}
 *       also needs a subscription that allows trading; {@link Scope#MARKET_DATA} from a token needs
 *       an administrator;</li>
 *   <li>{@link #admin()}: an administrator's access token.</li>
 * </ul>
 */
public final class Access {
    /** The kinds of requirement. */
    public enum Kind { ANYONE, SIGNED_IN, SCOPE, ADMIN }

    private final Kind kind;
    private final Scope scope;

    private Access(Kind kind, Scope scope) {
        this.kind = kind;
        this.scope = scope;
    }

    public static Access anyone() {
        return new Access(Kind.ANYONE, null);
    }

    public static Access signedIn() {
        return new Access(Kind.SIGNED_IN, null);
    }

    public static Access scope(Scope scope) {
        return new Access(Kind.SCOPE, Objects.requireNonNull(scope, "scope"));
    }

    public static Access admin() {
        return new Access(Kind.ADMIN, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The scope a {@link Kind#SCOPE} route needs, else null. */
    public Scope requiredScope() {
        return scope;
    }

    /** True when the route needs a caller at all. */
    public boolean needsCaller() {
        return kind != Kind.ANYONE;
    }

    /** True when an API key may call the route. */
    public boolean acceptsApiKeys() {
        return kind == Kind.SCOPE;
    }

    /** Why {@code caller} may not call the route at {@code now}, as a 403 problem; empty when they may. */
    Optional<ProblemException> refusal(Principal caller, Instant now) {
        return switch (kind) {
            case ANYONE -> Optional.empty();
            case SIGNED_IN -> caller.viaApiKey()
                    ? Optional.of(Problems.forbidden("session-required", "API keys cannot do this; sign in as the user"))
                    : Optional.empty();
            case ADMIN -> caller.viaApiKey() || !caller.isAdmin()
                    ? Optional.of(Problems.forbidden("admin-required", "only an administrator's sign-in can do this"))
                    : Optional.empty();
            case SCOPE -> {
                if (!caller.has(scope)) {
                    yield Optional.of(Problems.forbidden("insufficient-scope", caller.viaApiKey()
                            ? "this API key lacks the '" + scope.label() + "' scope"
                            : "the '" + scope.label() + "' scope is for administrators"));
                }
                if (scope == Scope.TRADE && !caller.subscription().allowsTrading(now)) {
                    yield Optional.of(Problems.forbidden("subscription-inactive", "the subscription ("
                            + caller.subscription().statusAt(now) + ") allows reading but not trading"));
                }
                yield Optional.empty();
            }
        };
    }

    /** How the requirement reads in the API description. */
    public String describe() {
        return switch (kind) {
            case ANYONE -> "anyone";
            case SIGNED_IN -> "a signed-in user (access token); API keys are refused";
            case SCOPE -> "an access token, or an API key with scope '" + scope.label() + "'"
                    + (scope == Scope.TRADE ? "; trading also needs a subscription that allows it" : "")
                    + (scope == Scope.MARKET_DATA ? "; from an access token, administrators only" : "");
            case ADMIN -> "an administrator (access token)";
        };
    }

    @Override
    public String toString() {
        return "Access[" + kind + (scope == null ? "" : " " + scope.label()) + "]";
    }
}
