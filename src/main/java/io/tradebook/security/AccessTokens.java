package io.tradebook.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived bearer access tokens: JWTs signed with HMAC-SHA256, naming the user ({@code sub})
 * and the sign-in session ({@code sid}). A token proves who signed in; whether the session is still
 * open is checked by {@link Authenticator} on each use, so logging out ends it at once. Thread-safe.
 *
 * <p>Refuses a signing key shorter than 32 bytes, and on verification anything not signed by this
 * key, expired, from another issuer, or without the two ids.
 */
public final class AccessTokens {
    private static final String ISSUER = "tradebook";
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;
    /** Tokens whose signature was verified, with their claims: the HMAC and the JSON decoding cost more than the rest of a request's authentication. */
    private final java.util.concurrent.ConcurrentMap<String, Claims> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 100_000;

    public AccessTokens(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the token signing key must have at least 32 bytes, has " + key.length);
        }
        this.algorithm = Algorithm.HMAC256(key);
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER).withClaimPresence("sid")
                .withClaimPresence("sub")).build(clock);
    }

    /** A token's content once verified. Immutable. */
    public record Claims(UUID userId, UUID sessionId, Instant expiresAt) {
    }

    /** A new token for {@code userId} in session {@code sessionId}. */
    public String issue(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        return JWT.create().withIssuer(ISSUER).withSubject(userId.toString()).withClaim("sid", sessionId.toString())
                .withIssuedAt(now).withExpiresAt(now.plus(lifetime)).sign(algorithm);
    }

    /**
     * What {@code token} says, if it is genuine and current. A token verified before is not decoded
     * and its signature not computed again: its claims are remembered, and only its expiry is
     * checked against the clock (as the verifier does: current until the instant after {@code exp}).
     */
    public Optional<Claims> verify(String token) {
        Instant now = clock.instant();
        Claims known = verified.get(token);
        if (known != null) {
            if (!now.isAfter(known.expiresAt())) {
                return Optional.of(known);
            }
            verified.remove(token);
            return Optional.empty();
        }
        Claims claims;
        try {
            DecodedJWT jwt = verifier.verify(token);
            claims = new Claims(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaim("sid").asString()),
                    jwt.getExpiresAtAsInstant());
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        if (claims.expiresAt() != null) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, claims);
        }
        return Optional.of(claims);
    }

    public Duration lifetime() {
        return lifetime;
    }
}
