package io.tradebook.security;

import io.tradebook.core.access.Principal;
import io.tradebook.store.ApiKeyRepository;
import io.tradebook.store.ApiKeyRepository.KeyOwner;
import io.tradebook.store.RecentAnswers;
import io.tradebook.store.SessionRepository;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Finds out who is calling from the credentials of a request: an access token or an API key, given
 * as {@code Authorization: Bearer …} or as an {@code X-API-Key} header. Thread-safe.
 *
 * <p>An access token counts only while its session is open and its user active. Whether it is, and
 * the user's role and subscription, are read from the database at most every
 * {@link RecentAnswers#LIFETIME} per session (a burst of requests costs one query): a sign-out, a
 * revoked or rotated session, or an administrator's change to the user takes effect at once in the
 * process that made it, and within that lifetime in other server processes. The access token's
 * signature and expiry are checked on every call. An API key counts while it is unrevoked and
 * unexpired, and each call takes one request from its rate limit. Refuses (as unauthenticated)
 * missing, malformed, unknown, expired and revoked credentials, and two different credentials at
 * once; refuses (as too many) a key over its limit.
 */
public final class Authenticator {
    /** The gap between an Authorization header's scheme and its credential. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final AccessTokens tokens;
    private final SessionRepository sessions;
    private final ApiKeyRepository keys;
    private final KeyRateLimits limits;
    private final int defaultPerMinute;
    private final Clock clock;
    private final ConcurrentMap<UUID, Instant> lastTouched = new ConcurrentHashMap<>();
    /** The live sessions' users, as recently read: see {@link RecentAnswers}. */
    private final RecentAnswers<UUID, UserRow> liveSessions = new RecentAnswers<>(100_000);

    public Authenticator(AccessTokens tokens, SessionRepository sessions, ApiKeyRepository keys, KeyRateLimits limits,
                         SecuritySettings settings, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.defaultPerMinute = settings.keyRequestsPerMinute();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The caller named by the request's {@code Authorization} and {@code X-API-Key} header values
     * (either may be null).
     */
    public Outcome<Principal> authenticate(String authorization, String apiKeyHeader) {
        String bearer = null;
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = SPACES.split(authorization.strip(), 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
                return Outcome.refused(Refusal.unauthenticated("the Authorization header must be 'Bearer <token or key>'"));
            }
            bearer = parts[1];
        }
        String key = apiKeyHeader == null || apiKeyHeader.isBlank() ? null : apiKeyHeader.strip();
        if (bearer != null && key != null && !bearer.equals(key)) {
            return Outcome.refused(Refusal.unauthenticated("give one credential: a bearer token or an X-API-Key, not both"));
        }
        String credential = bearer != null ? bearer : key;
        if (credential == null) {
            return Outcome.refused(Refusal.unauthenticated("sign in: this needs a bearer access token or an API key"));
        }
        return credential.startsWith(ApiKeys.PREFIX) ? byKey(credential) : byToken(credential);
    }

    private Outcome<Principal> byToken(String token) {
        Instant now = clock.instant();
        Optional<AccessTokens.Claims> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            return Outcome.refused(Refusal.unauthenticated("the access token is not valid or has expired"));
        }
        Optional<UserRow> user = liveSessions.get(claims.get().sessionId(), session -> sessions.liveUser(session, now))
                .filter(u -> u.id().equals(claims.get().userId()));
        if (user.isEmpty()) {
            return Outcome.refused(Refusal.unauthenticated("the session has ended; sign in again"));
        }
        return Outcome.ok(Principal.session(user.get().id(), user.get().role(), user.get().subscription(), claims.get().sessionId()));
    }

    private Outcome<Principal> byKey(String secret) {
        Instant now = clock.instant();
        Optional<KeyOwner> found = keys.findUsable(SecretTokens.sha256(secret), now);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.unauthenticated("the API key is not valid, revoked or expired"));
        }
        KeyOwner owner = found.get();
        int perMinute = owner.key().rateLimitPerMinute() != null ? owner.key().rateLimitPerMinute() : defaultPerMinute;
        Duration wait = limits.take(owner.key().id(), perMinute);
        if (!wait.isZero()) {
            return Outcome.refused(Refusal.tooMany("this API key is over its limit of " + perMinute + " requests per minute", wait));
        }
        touch(owner.key().id(), now);
        return Outcome.ok(Principal.apiKey(owner.user().id(), owner.user().role(), owner.user().subscription(), owner.key().id(),
                owner.key().scopes(), owner.key().strategyActivationId()));
    }

    /** Stamps the key's last use at most once a minute per process: a write per request would cost more than it tells. */
    private void touch(UUID keyId, Instant now) {
        Instant previous = lastTouched.get(keyId);
        if (previous == null || !now.isBefore(previous.plus(TOUCH_EVERY))) {
            lastTouched.put(keyId, now);
            keys.touch(keyId, now);
        }
    }
}
