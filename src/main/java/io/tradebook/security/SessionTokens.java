package io.tradebook.security;

import java.util.Objects;
import java.util.UUID;

/**
 * What a successful sign-in hands the client: a short-lived access token, the refresh token that
 * gets the next one, and the access token's lifetime in seconds. Immutable; {@link #toString()}
 * hides both tokens.
 */
public record SessionTokens(UUID userId, String accessToken, String refreshToken, long expiresIn) {
    public SessionTokens {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "SessionTokens[userId=" + userId + ", expiresIn=" + expiresIn + "]";
    }
}
