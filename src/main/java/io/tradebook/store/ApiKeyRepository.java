package io.tradebook.store;

import io.tradebook.core.access.Scope;
import io.tradebook.store.UserRepository.UserRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * API keys ({@code api_keys}, seed 004): stored only as a hash with a short display prefix, with
 * scopes, an optional strategy activation binding, a rate limit, an expiry and a revocation time.
 * A revoked key is kept (for the audit trail) but found by none of the lookups. Thread-safe.
 */
public final class ApiKeyRepository {
    private final Jdbi jdbi;

    public ApiKeyRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** A stored key, without its hash. Immutable. */
    public record KeyRow(UUID id, UUID userId, String name, String prefix, Set<Scope> scopes, UUID strategyActivationId,
                         Integer rateLimitPerMinute, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
        public KeyRow {
            scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        }
    }

    /** A key found by its hash together with its user. Immutable. */
    public record KeyOwner(KeyRow key, UserRow user) {
    }

    /** What a new key holds. Immutable. */
    public record NewKey(UUID userId, String name, String prefix, String keyHash, Set<Scope> scopes, UUID strategyActivationId,
                         Integer rateLimitPerMinute, Instant expiresAt) {
    }

    /** Stores a new key; returns it. */
    public KeyRow create(NewKey key, Instant now) {
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO api_keys (id, user_id, name, key_prefix, key_hash, scope_read, scope_trade, scope_market_data, "
                            + "strategy_activation_id, rate_limit_per_minute, created_at, expires_at) VALUES (:id, :user, :name, :prefix, "
                            + ":hash, :read, :trade, :market, :activation, :rate, :now, :expires)")
                    .bind("id", id).bind("user", key.userId()).bind("name", key.name()).bind("prefix", key.prefix())
                    .bind("hash", key.keyHash()).bind("read", key.scopes().contains(Scope.READ))
                    .bind("trade", key.scopes().contains(Scope.TRADE)).bind("market", key.scopes().contains(Scope.MARKET_DATA))
                    .bindByType("activation", key.strategyActivationId(), UUID.class)
                    .bindByType("rate", key.rateLimitPerMinute(), Integer.class).bind("now", SqlTypes.utc(now))
                    .bindByType("expires", SqlTypes.utc(key.expiresAt()), OffsetDateTime.class).execute();
            return find(h, id).orElseThrow();
        });
    }

    /** The user's keys that are not revoked, newest first. */
    public List<KeyRow> list(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE user_id = :user AND revoked_at IS NULL ORDER BY created_at DESC, id")
                .bind("user", userId).map(ApiKeyRepository::row).list());
    }

    /** Key {@code id} if it is not revoked (whoever owns it). */
    public Optional<KeyRow> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /** The unrevoked, unexpired key whose hash is {@code keyHash}, with its active user. */
    public Optional<KeyOwner> findUsable(String keyHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE key_hash = :hash AND revoked_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > :now)")
                .bind("hash", keyHash).bind("now", SqlTypes.utc(now)).map(ApiKeyRepository::row).findOne()
                .flatMap(key -> new UserRepository(jdbi).find(key.userId()).filter(UserRow::active).map(u -> new KeyOwner(key, u))));
    }

    /** Revokes key {@code id} of {@code userId}; true when it was usable until now. */
    public boolean revoke(UUID userId, UUID id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND user_id = :user "
                + "AND revoked_at IS NULL").bind("now", SqlTypes.utc(now)).bind("id", id).bind("user", userId).execute()) > 0;
    }

    /** Replaces the scopes of key {@code id} (an administrator's grant); returns the key as stored, or empty if it is revoked or absent. */
    public Optional<KeyRow> setScopes(UUID id, Set<Scope> scopes) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE api_keys SET scope_read = :read, scope_trade = :trade, scope_market_data = :market "
                            + "WHERE id = :id AND revoked_at IS NULL")
                    .bind("read", scopes.contains(Scope.READ)).bind("trade", scopes.contains(Scope.TRADE))
                    .bind("market", scopes.contains(Scope.MARKET_DATA)).bind("id", id).execute();
            return find(h, id);
        });
    }

    /** Stamps the key's last use. */
    public void touch(UUID id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                .bind("now", SqlTypes.utc(now)).bind("id", id).execute());
    }

    private static final String SELECT = "SELECT id, user_id, name, key_prefix, scope_read, scope_trade, scope_market_data, "
            + "strategy_activation_id, rate_limit_per_minute, created_at, last_used_at, expires_at FROM api_keys ";

    private static Optional<KeyRow> find(Handle h, UUID id) {
        return h.createQuery(SELECT + "WHERE id = :id AND revoked_at IS NULL").bind("id", id).map(ApiKeyRepository::row).findOne();
    }

    private static KeyRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (rs.getBoolean("scope_read")) {
            scopes.add(Scope.READ);
        }
        if (rs.getBoolean("scope_trade")) {
            scopes.add(Scope.TRADE);
        }
        if (rs.getBoolean("scope_market_data")) {
            scopes.add(Scope.MARKET_DATA);
        }
        int limit = rs.getInt("rate_limit_per_minute");
        Integer rate = rs.wasNull() ? null : limit;
        return new KeyRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("key_prefix"), scopes, rs.getObject("strategy_activation_id", UUID.class), rate,
                SqlTypes.instant(rs, "created_at"), SqlTypes.instant(rs, "last_used_at"), SqlTypes.instant(rs, "expires_at"));
    }
}
