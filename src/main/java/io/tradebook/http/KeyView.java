package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.store.ApiKeyRepository.KeyRow;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listed: never the key itself, only its first characters. Immutable. */
record KeyView(UUID id, String name,
               @JsonPropertyDescription("The key's first characters, to recognise it") String prefix,
               Set<Scope> scopes,
               @JsonPropertyDescription("Everything this key orders is attributed to this strategy activation") UUID strategyActivationId,
               @JsonPropertyDescription("Requests per minute; null means the server's default") Integer rateLimitPerMinute,
               Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

    static KeyView of(KeyRow k) {
        return new KeyView(k.id(), k.name(), k.prefix(), k.scopes(), k.strategyActivationId(), k.rateLimitPerMinute(), k.createdAt(),
                k.lastUsedAt(), k.expiresAt());
    }
}
