package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One-time phone codes: signing in (or up) with a phone number ({@code /api/auth/phone/...}) and
 * adding a verified number to the signed-in user ({@code /api/me/phone/...}).
 */
final class PhoneRoutes implements RouteModule {
    private static final String TAG = "Phone";

    /** Asks for a code. Immutable. */
    record StartCode(@JsonProperty(required = true) @JsonPropertyDescription("E.164 form, such as +41791234567") String phoneNumber) {
    }

    /** Answers with a code. Immutable; {@link #toString()} hides the code. */
    record VerifyCode(@JsonProperty(required = true) String phoneNumber,
                      @JsonProperty(required = true) @JsonPropertyDescription("The 6 digits received") String code) {
        @Override
        public String toString() {
            return "VerifyCode[]";
        }
    }

    /** A code is on its way. Immutable. */
    record CodeSent(@JsonPropertyDescription("Seconds the code stays valid") long expiresIn) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.post("/api/auth/phone/start").tag(TAG).summary("Send a sign-in code to a phone number").access(Access.anyone())
                .description("The answer is the same whether or not the number belongs to a user.")
                .body(StartCode.class).responds(202, CodeSent.class, "A code was sent")
                .fails(429, "A code was sent to this number moments ago; see Retry-After")
                .handle(call -> Reply.accepted(new CodeSent(call.unwrap(context.phoneCodes()
                        .startSignIn(call.body(StartCode.class).phoneNumber())).expiresIn().toSeconds()))));
        routes.add(Route.post("/api/auth/phone/verify").tag(TAG).summary("Sign in with a phone number and its code")
                .description("A number that belongs to no user yet gets a new phone-only user. Each code allows 5 tries and expires.")
                .access(Access.anyone()).body(VerifyCode.class).responds(200, SessionView.class, "Signed in")
                .fails(401, "The user is deactivated").fails(409, "The number was registered at the same moment")
                .handle(call -> {
                    VerifyCode v = call.body(VerifyCode.class);
                    return Reply.ok(SessionView.of(call.unwrap(context.phoneCodes().verifySignIn(v.phoneNumber(), v.code(),
                            call.userAgent()))));
                }));
        routes.add(Route.post("/api/me/phone/start").tag(TAG).summary("Send a code to add a phone number to your user")
                .access(Access.signedIn()).body(StartCode.class).responds(202, CodeSent.class, "A code was sent")
                .fails(409, "The number belongs to another user").fails(429, "A code was sent to this number moments ago")
                .handle(call -> Reply.accepted(new CodeSent(call.unwrap(context.phoneCodes()
                        .startAttach(call.userId(), call.body(StartCode.class).phoneNumber())).expiresIn().toSeconds()))));
        routes.add(Route.post("/api/me/phone/verify").tag(TAG).summary("Confirm the code: the number becomes yours, verified")
                .access(Access.signedIn()).body(VerifyCode.class).responds(200, UserView.class, "Your user with the number")
                .fails(409, "The number belongs to another user")
                .handle(call -> {
                    VerifyCode v = call.body(VerifyCode.class);
                    return Reply.ok(UserView.of(call.unwrap(context.phoneCodes().verifyAttach(call.userId(), v.phoneNumber(), v.code())),
                            call.now()));
                }));
    }
}
