package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.security.SessionTokens;
import java.util.UUID;

/** The tokens of a sign-in, as the API returns them. Immutable. */
record SessionView(
        UUID userId,
        @JsonPropertyDescription("Send as 'Authorization: Bearer <accessToken>'") String accessToken,
        @JsonPropertyDescription("Exchange at /api/auth/refresh for new tokens; works once") String refreshToken,
        @JsonPropertyDescription("Always Bearer") String tokenType,
        @JsonPropertyDescription("Seconds until the access token expires") long expiresIn) {

    static SessionView of(SessionTokens tokens) {
        return new SessionView(tokens.userId(), tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresIn());
    }

    @Override
    public String toString() {
        return "SessionView[" + userId + "]";
    }
}
