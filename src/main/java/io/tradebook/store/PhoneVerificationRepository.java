package io.tradebook.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * One-time phone codes ({@code phone_verifications}), stored only as a keyed hash, with an expiry
 * and a count of attempts. A code is for one purpose: {@code SIGN_IN} (with the number) or
 * {@code ATTACH} (adding the number to the user named). Thread-safe.
 */
public final class PhoneVerificationRepository {
    private final Jdbi jdbi;

    public PhoneVerificationRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Which flow a code belongs to; names match {@code phone_verifications.purpose}. */
    public enum Purpose { SIGN_IN, ATTACH }

    /** A stored code. Immutable. {@code userId} is null for a sign-in to a number no user has yet. */
    public record CodeRow(UUID id, UUID userId, String phoneNumber, Purpose purpose, String codeHash, Instant expiresAt, int attempts,
                          int maxAttempts, Instant createdAt) {
        @Override
        public String toString() {
            return "CodeRow[id=" + id + ", purpose=" + purpose + ", attempts=" + attempts + "/" + maxAttempts + "]";
        }
    }

    /** Stores a new code; returns its id. */
    public UUID create(UUID userId, String phoneNumber, Purpose purpose, String codeHash, Instant expiresAt, int maxAttempts, Instant now) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO phone_verifications (id, user_id, phone_number, purpose, code_hash, expires_at, "
                        + "max_attempts, created_at) VALUES (:id, :user, :phone, :purpose, :hash, :expires, :max, :now)")
                .bind("id", id).bindByType("user", userId, UUID.class).bind("phone", phoneNumber).bind("purpose", purpose.name())
                .bind("hash", codeHash).bind("expires", SqlTypes.utc(expiresAt)).bind("max", maxAttempts)
                .bind("now", SqlTypes.utc(now)).execute());
        return id;
    }

    /**
     * The newest code for {@code phoneNumber} and {@code purpose} (and, when {@code userId} is not
     * null, that user) that is neither used nor expired at {@code now}.
     */
    public Optional<CodeRow> latestOpen(String phoneNumber, Purpose purpose, UUID userId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, phone_number, purpose, code_hash, expires_at, attempts, "
                        + "max_attempts, created_at FROM phone_verifications WHERE phone_number = :phone AND purpose = :purpose "
                        + (userId == null ? "" : "AND user_id = :user ")
                        + "AND consumed_at IS NULL AND expires_at > :now ORDER BY created_at DESC, id LIMIT 1")
                .bind("phone", phoneNumber).bind("purpose", purpose.name()).bindByType("user", userId, UUID.class)
                .bind("now", SqlTypes.utc(now))
                .map((rs, ctx) -> new CodeRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("phone_number"), Purpose.valueOf(rs.getString("purpose")), rs.getString("code_hash"),
                        SqlTypes.instant(rs, "expires_at"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                        SqlTypes.instant(rs, "created_at")))
                .findOne());
    }

    /** When the newest code for {@code phoneNumber} (any purpose) was created, if there is one. */
    public Optional<Instant> lastSentAt(String phoneNumber) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(created_at) AS created_at FROM phone_verifications WHERE phone_number = :phone")
                .bind("phone", phoneNumber).map((rs, ctx) -> SqlTypes.instant(rs, "created_at")).findOne()
                .flatMap(Optional::ofNullable));
    }

    /**
     * Counts one attempt at code {@code id}, atomically and only while attempts are left.
     *
     * @return true when the attempt was counted, false when none were left (or the code is used)
     */
    public boolean countAttempt(UUID id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE phone_verifications SET attempts = attempts + 1 "
                + "WHERE id = :id AND attempts < max_attempts AND consumed_at IS NULL").bind("id", id).execute()) > 0;
    }

    /** Marks code {@code id} used; true when this call used it (a code is used once). */
    public boolean consume(UUID id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE phone_verifications SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL")
                .bind("now", SqlTypes.utc(now)).bind("id", id).execute()) > 0;
    }
}
