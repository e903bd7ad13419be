package io.tradebook.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What webhook delivery reads and writes: a user's webhook URL (their {@code webhookUrl}
 * preference in {@code users.preferences}), their signing secret (encrypted; this class never sees
 * it in plain text) and the delivery time of a notification. Thread-safe.
 */
public final class WebhookRepository {
    /** The key of the webhook URL in {@code users.preferences}. */
    public static final String URL_PREFERENCE = "webhookUrl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    public WebhookRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** A user's webhook settings as stored; either part may be null. Immutable. */
    public record Stored(String url, String encryptedSecret, Instant secretCreatedAt) {
    }

    /** The active user's webhook settings; empty when there is no such active user. */
    public Optional<Stored> find(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT preferences, webhook_secret_encrypted, webhook_secret_created_at FROM users "
                        + "WHERE id = :id AND is_active")
                .bind("id", userId)
                .map((rs, ctx) -> new Stored(url(rs.getString("preferences")), rs.getString("webhook_secret_encrypted"),
                        SqlTypes.instant(rs, "webhook_secret_created_at")))
                .findOne());
    }

    /** Replaces the user's signing secret (already encrypted); false when there is no such user. */
    public boolean setSecret(UUID userId, String encryptedSecret, Instant now) {
        boolean set = jdbi.withHandle(h -> h.createUpdate("UPDATE users SET webhook_secret_encrypted = :secret, webhook_secret_created_at = :now, "
                        + "updated_at = :now WHERE id = :id")
                .bind("secret", encryptedSecret).bind("now", SqlTypes.utc(now)).bind("id", userId).execute()) == 1;
        AccessChanges.changed();
        return set;
    }

    /** Removes the user's signing secret; false when they had none. */
    public boolean deleteSecret(UUID userId, Instant now) {
        boolean deleted = jdbi.withHandle(h -> h.createUpdate("UPDATE users SET webhook_secret_encrypted = NULL, webhook_secret_created_at = NULL, "
                        + "updated_at = :now WHERE id = :id AND webhook_secret_encrypted IS NOT NULL")
                .bind("now", SqlTypes.utc(now)).bind("id", userId).execute()) == 1;
        AccessChanges.changed();
        return deleted;
    }

    /** Stamps notification {@code id} of {@code userId} as delivered to its webhook; false when it is not theirs or gone. */
    public boolean markDelivered(long id, UUID userId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE notifications SET webhook_delivered_at = :now WHERE id = :id AND user_id = :user")
                .bind("now", SqlTypes.utc(now)).bind("id", id).bind("user", userId).execute()) == 1;
    }

    private static String url(String preferences) {
        if (preferences == null || preferences.isBlank()) {
            return null;
        }
        try {
            JsonNode url = JSON.readTree(preferences).path(URL_PREFERENCE);
            return url.isTextual() && !url.asText().isBlank() ? url.asText() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
