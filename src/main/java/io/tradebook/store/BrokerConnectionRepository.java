package io.tradebook.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Broker connections ({@code broker_connections}): which broker account a user connects, its
 * credentials (only ever as ciphertext produced by the caller), and whether it may read and
 * trade. Deleting is soft ({@code is_active} false), and wipes the ciphertexts. Thread-safe.
 *
 * <p>Refuses with {@link DuplicateException} a second active connection to the same broker
 * account of one user.
 */
public final class BrokerConnectionRepository {
    private final Jdbi jdbi;
    /** Every order submit asks what its account's connection allows: recent answers, see {@link RecentAnswers}. */
    private final RecentAnswers<UUID, Permissions> permissions = new RecentAnswers<>(100_000);

    public BrokerConnectionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Credentials as stored: ciphertexts, each null when absent. Immutable; {@link #toString()} shows only which are set. */
    public record EncryptedCredentials(String apiKey, String apiSecret, String accessToken) {
        public static final EncryptedCredentials NONE = new EncryptedCredentials(null, null, null);

        @Override
        public String toString() {
            return "EncryptedCredentials[apiKey=" + (apiKey != null) + ", apiSecret=" + (apiSecret != null) + ", accessToken="
                    + (accessToken != null) + "]";
        }
    }

    /** A stored connection. Immutable. */
    public record ConnectionRow(UUID id, UUID userId, String broker, String accountNumber, String server, EncryptedCredentials credentials,
                                boolean active, boolean connected, Instant lastConnectedAt, boolean canRead, boolean canTrade,
                                Instant createdAt, Instant updatedAt) {
    }

    /** What an account's connection allows. Immutable. */
    public record Permissions(UUID connectionId, String broker, boolean active, boolean connected, boolean canRead, boolean canTrade) {
    }

    /**
     * Stores {@code connection} as an active connection: a new row, or, when the user had deleted a
     * connection to the same broker account, that row brought back with the new values (so an
     * account opened on it keeps its books).
     */
    public ConnectionRow save(ConnectionRow c) {
        try {
            return jdbi.inTransaction(h -> {
                int updated = h.createUpdate("UPDATE broker_connections SET account_number = :number, server = :server, "
                                + "api_key_encrypted = :key, api_secret_encrypted = :secret, access_token_encrypted = :token, "
                                + "is_active = :active, is_connected = :connected, last_connected_at = :connectedAt, can_read = :read, "
                                + "can_trade = :trade, updated_at = :updated WHERE id = :id AND user_id = :user")
                        .bindMap(values(c)).bindByType("connectedAt", SqlTypes.utc(c.lastConnectedAt()), OffsetDateTime.class)
                        .execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO broker_connections (id, user_id, broker, account_number, server, api_key_encrypted, "
                                    + "api_secret_encrypted, access_token_encrypted, is_active, is_connected, last_connected_at, can_read, "
                                    + "can_trade, created_at, updated_at) VALUES (:id, :user, :broker, :number, :server, :key, :secret, "
                                    + ":token, :active, :connected, :connectedAt, :read, :trade, :created, :updated)")
                            .bindMap(values(c)).bindByType("connectedAt", SqlTypes.utc(c.lastConnectedAt()), OffsetDateTime.class)
                            .execute();
                }
                return find(h, c.id(), false).orElseThrow();
            });
        } catch (RuntimeException e) {
            throw DuplicateException.orRethrow(e, "uq_broker_connections_account", "accountNumber");
        } finally {
            AccessChanges.changed(); // its permissions may have changed
        }
    }

    private static java.util.Map<String, Object> values(ConnectionRow c) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("id", c.id());
        values.put("user", c.userId());
        values.put("broker", c.broker());
        values.put("number", c.accountNumber());
        values.put("server", c.server());
        values.put("key", c.credentials().apiKey());
        values.put("secret", c.credentials().apiSecret());
        values.put("token", c.credentials().accessToken());
        values.put("active", c.active());
        values.put("connected", c.connected());
        values.put("read", c.canRead());
        values.put("trade", c.canTrade());
        values.put("created", SqlTypes.utc(c.createdAt()));
        values.put("updated", SqlTypes.utc(c.updatedAt()));
        return values;
    }

    /** The active connection {@code id} of {@code userId}. */
    public Optional<ConnectionRow> find(UUID userId, UUID id) {
        return jdbi.withHandle(h -> find(h, id, true)).filter(c -> c.userId().equals(userId));
    }

    /** The user's connection to {@code broker} account {@code accountNumber}, active or deleted. */
    public Optional<ConnectionRow> findByAccount(UUID userId, String broker, String accountNumber) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE user_id = :user AND broker = :broker AND account_number = :number")
                .bind("user", userId).bind("broker", broker).bind("number", accountNumber).map(BrokerConnectionRepository::row).findOne());
    }

    /** The user's active connections, oldest first. */
    public List<ConnectionRow> list(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE user_id = :user AND is_active ORDER BY created_at, id")
                .bind("user", userId).map(BrokerConnectionRepository::row).list());
    }

    /** Soft-deletes active connection {@code id} of {@code userId} and wipes its credentials; true when there was one. */
    public boolean deactivate(UUID userId, UUID id, Instant now) {
        boolean deactivated = jdbi.withHandle(h -> h.createUpdate("UPDATE broker_connections SET is_active = FALSE, is_connected = FALSE, "
                        + "api_key_encrypted = NULL, api_secret_encrypted = NULL, access_token_encrypted = NULL, updated_at = :now "
                        + "WHERE id = :id AND user_id = :user AND is_active")
                .bind("now", SqlTypes.utc(now)).bind("id", id).bind("user", userId).execute()) > 0;
        AccessChanges.changed();
        return deactivated;
    }

    /**
     * What the connection of account {@code accountId} allows, if there is such an account. A recent
     * answer (at most {@link RecentAnswers#LIFETIME} old, and none from before an access change in
     * this process) may stand in for a query.
     */
    public Optional<Permissions> permissionsOfAccount(UUID accountId) {
        return permissions.get(accountId, this::readPermissions);
    }

    private Optional<Permissions> readPermissions(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.id, c.broker, c.is_active, c.is_connected, c.can_read, c.can_trade "
                        + "FROM accounts a JOIN broker_connections c ON c.id = a.broker_connection_id WHERE a.id = :account")
                .bind("account", accountId)
                .map((rs, ctx) -> new Permissions(rs.getObject("id", UUID.class), rs.getString("broker"), rs.getBoolean("is_active"),
                        rs.getBoolean("is_connected"), rs.getBoolean("can_read"), rs.getBoolean("can_trade")))
                .findOne());
    }

    private static final String SELECT = "SELECT id, user_id, broker, account_number, server, api_key_encrypted, api_secret_encrypted, "
            + "access_token_encrypted, is_active, is_connected, last_connected_at, can_read, can_trade, created_at, updated_at "
            + "FROM broker_connections ";

    private static Optional<ConnectionRow> find(Handle h, UUID id, boolean activeOnly) {
        return h.createQuery(SELECT + "WHERE id = :id" + (activeOnly ? " AND is_active" : "")).bind("id", id)
                .map(BrokerConnectionRepository::row).findOne();
    }

    private static ConnectionRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ConnectionRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("broker"),
                rs.getString("account_number"), rs.getString("server"), new EncryptedCredentials(rs.getString("api_key_encrypted"),
                rs.getString("api_secret_encrypted"), rs.getString("access_token_encrypted")), rs.getBoolean("is_active"),
                rs.getBoolean("is_connected"), SqlTypes.instant(rs, "last_connected_at"), rs.getBoolean("can_read"),
                rs.getBoolean("can_trade"), SqlTypes.instant(rs, "created_at"), SqlTypes.instant(rs, "updated_at"));
    }
}
