package io.tradebook.security;

import io.tradebook.store.WebhookRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Each user's webhook signing secret ({@code whsec_} + 43 characters): made on request and shown
 * once, kept encrypted with the master key (bound to the user, so a ciphertext copied to another
 * user does not decrypt), and read back only to sign deliveries. Thread-safe.
 */
public final class WebhookSecrets {
    static final String PREFIX = "whsec_";
    private final WebhookRepository webhooks;
    private final io.tradebook.store.RecentAnswers<UUID, WebhookRepository.Stored> recent = new io.tradebook.store.RecentAnswers<>(100_000);
    private final CredentialCipher cipher;
    private final Clock clock;

    public WebhookSecrets(WebhookRepository webhooks, CredentialCipher cipher, Clock clock) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new secret, as shown to its user once, and when it was made. Immutable. */
    public record Created(String secret, Instant createdAt) {
    }

    /** Makes a new secret for {@code userId}, replacing the old one at once. */
    public Created rotate(UUID userId) {
        String secret = SecretTokens.newToken(PREFIX);
        Instant now = clock.instant();
        if (!webhooks.setSecret(userId, cipher.encrypt(secret, context(userId)), now)) {
            throw new IllegalArgumentException("no user " + userId);
        }
        return new Created(secret, now);
    }

    /** Deletes the user's secret; deliveries stop until a new one is made. False when there was none. */
    public boolean delete(UUID userId) {
        return webhooks.deleteSecret(userId, clock.instant());
    }

    /** When the user's current secret was made, if they have one. */
    public Optional<Instant> createdAt(UUID userId) {
        return webhooks.find(userId).filter(s -> s.encryptedSecret() != null).map(WebhookRepository.Stored::secretCreatedAt);
    }

    /**
     * The user's webhook URL and secret in plain text, when both are set. The settings may come
     * from a recent answer (see {@link RecentAnswers}: every notification asks, and most users have
     * no webhook); a change made in this process is seen at once.
     */
    public Optional<Target> target(UUID userId) {
        return recent.get(userId, webhooks::find).filter(s -> s.url() != null && s.encryptedSecret() != null)
                .map(s -> new Target(s.url(), cipher.decrypt(s.encryptedSecret(), context(userId))));
    }

    /** Where a user's deliveries go and the key that signs them. Immutable; {@link #toString()} hides the secret. */
    public record Target(String url, String secret) {
        @Override
        public String toString() {
            return "Target[url=" + url + ", secret=***]";
        }
    }

    /** The URL the user set, whether or not they have a secret. */
    public Optional<String> url(UUID userId) {
        return recent.get(userId, webhooks::find).map(WebhookRepository.Stored::url);
    }

    private static String context(UUID userId) {
        return "webhook-secret:" + userId;
    }
}
