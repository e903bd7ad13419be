package io.tradebook.store;

import io.tradebook.store.UserRepository.UserRow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in sessions ({@code user_sessions}): one per refresh token, which is stored only as a hash.
 * Rotating a session revokes it and opens its successor in one transaction, and only once: of two
 * concurrent rotations of the same token, one gets nothing. Thread-safe.
 */
public final class SessionRepository {
    private final Jdbi jdbi;

    public SessionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** A stored session. Immutable. {@code revokedAt} is null while it is open. */
    public record SessionRow(UUID id, UUID userId, String userAgent, Instant expiresAt, Instant revokedAt) {
        /** True when the session can still be used at {@code now}. */
        public boolean liveAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /** Opens a session for {@code userId} whose refresh token hashes to {@code tokenHash}; returns its id. */
    public UUID open(UUID userId, String tokenHash, String userAgent, Instant expiresAt, Instant now) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> insert(h, id, userId, tokenHash, userAgent, expiresAt, now));
        return id;
    }

    public Optional<SessionRow> findByTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, user_agent, expires_at, revoked_at FROM user_sessions "
                        + "WHERE refresh_token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> new SessionRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("user_agent"), SqlTypes.instant(rs, "expires_at"), SqlTypes.instant(rs, "revoked_at")))
                .findOne());
    }

    /**
     * Revokes open session {@code old} and opens its successor with {@code newTokenHash}, in one
     * transaction. Returns the successor's id, or empty when {@code old} was no longer open (it was
     * rotated or revoked meanwhile), in which case nothing changes.
     */
    public Optional<UUID> rotate(SessionRow old, String newTokenHash, Instant expiresAt, Instant now) {
        Optional<UUID> rotated = jdbi.inTransaction(h -> {
            int revoked = h.createUpdate("UPDATE user_sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", SqlTypes.utc(now)).bind("id", old.id()).execute();
            if (revoked == 0) {
                return Optional.empty();
            }
            UUID id = UUID.randomUUID();
            insert(h, id, old.userId(), newTokenHash, old.userAgent(), expiresAt, now);
            return Optional.of(id);
        });
        AccessChanges.changed();
        return rotated;
    }

    /** Revokes the session if it is open; true when it was. */
    public boolean revoke(UUID sessionId, Instant now) {
        boolean revoked = jdbi.withHandle(h -> h.createUpdate("UPDATE user_sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", SqlTypes.utc(now)).bind("id", sessionId).execute()) > 0;
        AccessChanges.changed();
        return revoked;
    }

    /** The active user of session {@code sessionId} if the session is open and unexpired at {@code now}. */
    public Optional<UserRow> liveUser(UUID sessionId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.email, u.phone_number, u.full_name, u.password_hash, u.role, "
                        + "u.is_active, u.is_verified, u.subscription_status, u.subscription_expires, u.failed_login_count, "
                        + "u.locked_until, u.last_login, u.created_at FROM user_sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.id = :id AND s.revoked_at IS NULL AND s.expires_at > :now AND u.is_active")
                .bind("id", sessionId).bind("now", SqlTypes.utc(now)).map(UserRepository::row).findOne());
    }

    private static void insert(org.jdbi.v3.core.Handle h, UUID id, UUID userId, String tokenHash, String userAgent, Instant expiresAt,
                               Instant now) {
        h.createUpdate("INSERT INTO user_sessions (id, user_id, refresh_token_hash, user_agent, created_at, expires_at) "
                        + "VALUES (:id, :user, :hash, :agent, :now, :expires)")
                .bind("id", id).bind("user", userId).bind("hash", tokenHash)
                .bind("agent", userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length())))
                .bind("now", SqlTypes.utc(now)).bind("expires", SqlTypes.utc(expiresAt)).execute();
    }
}
