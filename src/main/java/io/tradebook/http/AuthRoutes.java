package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.PasswordPolicy;

/**
 * Registration, sign-in with a password, refresh and sign-out ({@code /api/auth/...}).
 */
final class AuthRoutes implements RouteModule {
    private static final String TAG = "Sign-in";

    /** POST /api/auth/register. Immutable; {@link #toString()} hides the password. */
    record Register(@JsonProperty(required = true) String email,
                    @JsonProperty(required = true) @JsonPropertyDescription("At least " + PasswordPolicy.MIN_LENGTH
                            + " characters, at most 72 bytes, a letter and a digit or symbol, not containing the email") String password,
                    @JsonProperty(required = true) String fullName,
                    @JsonPropertyDescription("Optional, in E.164 form (+41791234567); stored unverified") String phoneNumber) {
        @Override
        public String toString() {
            return "Register[" + email + "]";
        }
    }

    /** POST /api/auth/login. Immutable; {@link #toString()} hides the password. */
    record Login(@JsonProperty(required = true) String email, @JsonProperty(required = true) String password) {
        @Override
        public String toString() {
            return "Login[" + email + "]";
        }
    }

    /** POST /api/auth/refresh. Immutable; {@link #toString()} hides the token. */
    record Refresh(@JsonProperty(required = true) String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[]";
        }
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.post("/api/auth/register").tag(TAG).summary("Register with email and password").access(Access.anyone())
                .body(Register.class).responds(201, UserView.class, "The new user").fails(409, "The email or phone number is taken")
                .handle(call -> {
                    Register r = call.body(Register.class);
                    return Reply.created(UserView.of(call.unwrap(context.registration().register(r.email(), r.password(), r.fullName(),
                            r.phoneNumber())), call.now()));
                }));
        routes.add(Route.post("/api/auth/login").tag(TAG).summary("Sign in with email and password").access(Access.anyone())
                .description("Five wrong passwords in a row (configurable) lock the user out for 15 minutes (configurable).")
                .body(Login.class).responds(200, SessionView.class, "Signed in")
                .fails(401, "Wrong email or password").fails(429, "Locked out after repeated wrong passwords; see Retry-After")
                .handle(call -> {
                    Login l = call.body(Login.class);
                    return Reply.ok(SessionView.of(call.unwrap(context.signIn().withPassword(l.email(), l.password(), call.userAgent()))));
                }));
        routes.add(Route.post("/api/auth/refresh").tag(TAG).summary("Exchange a refresh token for new tokens").access(Access.anyone())
                .description("The refresh token works once: the old one, and the access tokens issued with it, stop working.")
                .body(Refresh.class).responds(200, SessionView.class, "New tokens").fails(401, "The refresh token is not valid")
                .handle(call -> Reply.ok(SessionView.of(call.unwrap(context.signIn().refresh(call.body(Refresh.class).refreshToken()))))));
        routes.add(Route.post("/api/auth/logout").tag(TAG).summary("Sign out: end this session").access(Access.signedIn())
                .responds(204, null, "Signed out; the session's tokens no longer work")
                .handle(call -> {
                    context.signIn().signOut(call.userId(), call.principal().sessionId());
                    return Reply.noContent();
                }));
    }
}
