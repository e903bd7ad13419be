package io.tradebook.store;

import io.tradebook.core.access.LockoutPolicy;
import io.tradebook.core.access.Role;
import io.tradebook.core.access.Subscription;
import io.tradebook.core.access.SubscriptionStatus;
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

/**
 * The {@code users} rows that sign-in needs: contact, password hash, role, subscription and the
 * lockout counters. Emails and phone numbers are stored as given (callers normalise them). Only
 * ever holds a password's slow hash, never the password. Thread-safe.
 *
 * <p>Refuses with {@link DuplicateException} an email or phone number another user already has.
 */
public final class UserRepository {
    private final Jdbi jdbi;

    public UserRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** A user as sign-in sees it. Immutable; {@link #toString()} leaves out the password hash. */
    public record UserRow(UUID id, String email, String phoneNumber, String fullName, String passwordHash, Role role, boolean active,
                          boolean phoneVerified, Subscription subscription, int failedLogins, Instant lockedUntil, Instant lastLogin,
                          Instant createdAt) {
        @Override
        public String toString() {
            return "UserRow[id=" + id + ", email=" + email + ", role=" + role + ", active=" + active + "]";
        }
    }

    /** What a new user starts with. Immutable. */
    public record NewUser(String email, String phoneNumber, String fullName, String passwordHash, Role role, boolean phoneVerified) {
    }

    /** Stores a new user and returns it. */
    public UserRow create(NewUser user, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (id, email, phone_number, full_name, password_hash, role, is_verified, "
                            + "created_at, updated_at) VALUES (:id, :email, :phone, :name, :hash, :role, :verified, :now, :now)")
                    .bind("id", id).bind("email", user.email()).bind("phone", user.phoneNumber()).bind("name", user.fullName())
                    .bind("hash", user.passwordHash()).bind("role", user.role().name()).bind("verified", user.phoneVerified())
                    .bind("now", SqlTypes.utc(now)).execute());
        } catch (RuntimeException e) {
            throw DuplicateException.orRethrow(e, "idx_users_email", "email", "idx_users_phone", "phoneNumber");
        }
        return find(id).orElseThrow();
    }

    public Optional<UserRow> find(UUID id) {
        return jdbi.withHandle(h -> find(h, "id", id));
    }

    public Optional<UserRow> findByEmail(String email) {
        return jdbi.withHandle(h -> find(h, "email", email));
    }

    public Optional<UserRow> findByPhone(String phoneNumber) {
        return jdbi.withHandle(h -> find(h, "phone_number", phoneNumber));
    }

    /** Every user, oldest first. */
    public List<UserRow> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY created_at, id").map(UserRepository::row).list());
    }

    /** True when at least one active administrator exists. */
    public boolean anyAdministrator() {
        return activeAdministrators() > 0;
    }

    /** How many active administrators there are. */
    public int activeAdministrators() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND is_active")
                .mapTo(Integer.class).one());
    }

    /**
     * Counts a failed password sign-in under a row lock (so concurrent failures all count) and
     * stores what {@code policy} makes of it: the running count, or a lock.
     */
    public LockoutPolicy.Failure recordFailure(UUID id, LockoutPolicy policy, Instant now) {
        return jdbi.inTransaction(h -> {
            int failures = h.createQuery("SELECT failed_login_count FROM users WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(Integer.class).one();
            LockoutPolicy.Failure failure = policy.afterFailure(failures, now);
            h.createUpdate("UPDATE users SET failed_login_count = :count, locked_until = :until WHERE id = :id")
                    .bind("count", failure.failures()).bindByType("until", SqlTypes.utc(failure.lockedUntil()), OffsetDateTime.class).bind("id", id).execute();
            return failure;
        });
    }

    /** A successful sign-in: clears the failures and the lock, stamps the last login. */
    public void recordLogin(UUID id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login = :now WHERE id = :id")
                .bind("now", SqlTypes.utc(now)).bind("id", id).execute());
    }

    /** Sets the user's phone number (or clears it with null) and whether it is verified. */
    public void setPhone(UUID id, String phoneNumber, boolean verified, Instant now) {
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE users SET phone_number = :phone, is_verified = :verified, updated_at = :now "
                            + "WHERE id = :id")
                    .bind("phone", phoneNumber).bind("verified", verified).bind("now", SqlTypes.utc(now)).bind("id", id).execute());
        } catch (RuntimeException e) {
            throw DuplicateException.orRethrow(e, "idx_users_phone", "phoneNumber");
        }
    }

    /** What an administrator changes on a user; a null field stays as it is. Immutable. */
    public record AdminChange(Role role, SubscriptionStatus subscriptionStatus, Instant subscriptionExpires, boolean clearExpiry,
                              Boolean active) {
    }

    /** Applies an administrator's change; returns the user as stored, or empty if there is no such user. */
    public Optional<UserRow> change(UUID id, AdminChange change, Instant now) {
        Optional<UserRow> changed = jdbi.inTransaction(h -> {
            Optional<UserRow> current = find(h, "id", id);
            if (current.isEmpty()) {
                return current;
            }
            UserRow u = current.get();
            Instant expires = change.clearExpiry() ? null
                    : change.subscriptionExpires() != null ? change.subscriptionExpires() : u.subscription().expiresAt();
            h.createUpdate("UPDATE users SET role = :role, subscription_status = :status, subscription_expires = :expires, "
                            + "is_active = :active, updated_at = :now WHERE id = :id")
                    .bind("role", (change.role() != null ? change.role() : u.role()).name())
                    .bind("status", (change.subscriptionStatus() != null ? change.subscriptionStatus() : u.subscription().status()).name())
                    .bindByType("expires", SqlTypes.utc(expires), OffsetDateTime.class)
                    .bind("active", change.active() != null ? change.active() : u.active())
                    .bind("now", SqlTypes.utc(now)).bind("id", id).execute();
            return find(h, "id", id);
        });
        AccessChanges.changed();
        return changed;
    }

    /**
     * Deletes the user and, by the schema's cascades (seed 001), everything of theirs: accounts with
     * their orders, fills, journal and holdings, keys, sessions, connections, rules, ideas and
     * notifications. False when there was no such user.
     */
    public boolean delete(UUID id) {
        boolean deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id).execute()) > 0;
        AccessChanges.changed(); // sessions, accounts and connections went with the user
        return deleted;
    }

    private static final String SELECT = "SELECT id, email, phone_number, full_name, password_hash, role, is_active, is_verified, "
            + "subscription_status, subscription_expires, failed_login_count, locked_until, last_login, created_at FROM users ";

    private static Optional<UserRow> find(Handle h, String column, Object value) {
        return h.createQuery(SELECT + "WHERE " + column + " = :value").bind("value", value).map(UserRepository::row).findOne();
    }

    static UserRow row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("phone_number"),
                rs.getString("full_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("is_active"),
                rs.getBoolean("is_verified"), new Subscription(SubscriptionStatus.valueOf(rs.getString("subscription_status")),
                SqlTypes.instant(rs, "subscription_expires")), rs.getInt("failed_login_count"), SqlTypes.instant(rs, "locked_until"),
                SqlTypes.instant(rs, "last_login"), SqlTypes.instant(rs, "created_at"));
    }
}
