package io.tradebook.security;

import io.tradebook.core.access.EmailAddress;
import io.tradebook.core.access.LockoutPolicy;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.SessionRepository;
import io.tradebook.store.SessionRepository.SessionRow;
import io.tradebook.store.UserRepository;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in with email and password, refreshing and signing out. Thread-safe.
 *
 * <p>Each sign-in opens a session whose refresh token is stored only hashed. Refreshing rotates it:
 * the old refresh token (and the access tokens of its session) stop working, and presenting it
 * again is refused and audited. After {@link LockoutPolicy#maxFailures()} wrong passwords in a row
 * the user is locked out for {@link LockoutPolicy#lockFor()}, even with the right password.
 * Failures never say whether the email exists, except that a locked user hears they are locked.
 */
public final class SignIn {
    static final String REFRESH_PREFIX = "tbr_";
    private static final String WRONG = "wrong email or password";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher passwords;
    private final AccessTokens tokens;
    private final SecuritySettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public SignIn(UserRepository users, SessionRepository sessions, PasswordHasher passwords, AccessTokens tokens,
                  SecuritySettings settings, AuditTrail audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs in with email and password. */
    public Outcome<SessionTokens> withPassword(String email, String password, String userAgent) {
        Instant now = clock.instant();
        Optional<EmailAddress> address = EmailAddress.parse(email);
        Optional<UserRow> found = address.flatMap(e -> users.findByEmail(e.value()));
        if (found.isEmpty() || found.get().passwordHash() == null || !found.get().active()) {
            passwords.spendVerificationTime(password);
            audit.record(LogLevel.WARNING, "auth", "sign-in failed", found.map(UserRow::id).orElse(null),
                    Map.of("reason", found.isEmpty() ? "unknown email" : "no password or inactive", "email", address.map(EmailAddress::value).orElse("(not an email address)")));
            return Outcome.refused(Refusal.unauthenticated(WRONG));
        }
        UserRow user = found.get();
        if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
            audit.record(LogLevel.WARNING, "auth", "sign-in refused: locked out", user.id(), Map.of("until", user.lockedUntil().toString()));
            return Outcome.refused(locked(user.lockedUntil(), now));
        }
        if (!passwords.matches(password, user.passwordHash())) {
            LockoutPolicy.Failure failure = users.recordFailure(user.id(), settings.lockout(), now);
            if (failure.locked()) {
                audit.record(LogLevel.WARNING, "auth", "locked out after repeated wrong passwords", user.id(),
                        Map.of("until", failure.lockedUntil().toString()));
                return Outcome.refused(locked(failure.lockedUntil(), now));
            }
            audit.record(LogLevel.WARNING, "auth", "sign-in failed", user.id(),
                    Map.of("reason", "wrong password", "failures", Integer.toString(failure.failures())));
            return Outcome.refused(Refusal.unauthenticated(WRONG));
        }
        users.recordLogin(user.id(), now);
        audit.record(LogLevel.INFO, "auth", "signed in", user.id(), Map.of("method", "password"));
        return Outcome.ok(open(user.id(), userAgent, now));
    }

    /** Opens a session for a user who has proved who they are another way (a phone code). */
    SessionTokens openSession(UUID userId, String userAgent) {
        Instant now = clock.instant();
        users.recordLogin(userId, now);
        return open(userId, userAgent, now);
    }

    /** Exchanges a refresh token for new tokens; the given one stops working. */
    public Outcome<SessionTokens> refresh(String refreshToken) {
        Instant now = clock.instant();
        Refusal refused = Refusal.unauthenticated("the refresh token is not valid");
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
            return Outcome.refused(refused);
        }
        Optional<SessionRow> session = sessions.findByTokenHash(SecretTokens.sha256(refreshToken));
        if (session.isEmpty()) {
            return Outcome.refused(refused);
        }
        SessionRow s = session.get();
        if (s.revokedAt() != null) {
            audit.record(LogLevel.WARNING, "auth", "a revoked or already used refresh token was presented", s.userId(),
                    Map.of("session", s.id().toString()));
            return Outcome.refused(refused);
        }
        if (!s.liveAt(now) || users.find(s.userId()).filter(UserRow::active).isEmpty()) {
            return Outcome.refused(refused);
        }
        String next = SecretTokens.newToken(REFRESH_PREFIX);
        Optional<UUID> rotated = sessions.rotate(s, SecretTokens.sha256(next), now.plus(settings.refreshTokenLifetime()), now);
        if (rotated.isEmpty()) {
            audit.record(LogLevel.WARNING, "auth", "a refresh token was used twice at once", s.userId(), Map.of("session", s.id().toString()));
            return Outcome.refused(refused);
        }
        return Outcome.ok(new SessionTokens(s.userId(), tokens.issue(s.userId(), rotated.get()), next,
                tokens.lifetime().toSeconds()));
    }

    /** Ends session {@code sessionId}: its refresh token and access tokens stop working. */
    public void signOut(UUID userId, UUID sessionId) {
        if (sessions.revoke(sessionId, clock.instant())) {
            audit.record(LogLevel.INFO, "auth", "signed out", userId, Map.of("session", sessionId.toString()));
        }
    }

    private SessionTokens open(UUID userId, String userAgent, Instant now) {
        String refresh = SecretTokens.newToken(REFRESH_PREFIX);
        UUID session = sessions.open(userId, SecretTokens.sha256(refresh), userAgent, now.plus(settings.refreshTokenLifetime()), now);
        return new SessionTokens(userId, tokens.issue(userId, session), refresh, tokens.lifetime().toSeconds());
    }

    private static Refusal locked(Instant until, Instant now) {
        Duration wait = Duration.between(now, until);
        return Refusal.tooMany("too many wrong passwords: signing in is locked until " + until, wait);
    }
}
