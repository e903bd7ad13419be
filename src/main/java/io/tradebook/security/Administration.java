package io.tradebook.security;

import io.tradebook.core.access.Role;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.UserRepository;
import io.tradebook.store.UserRepository.AdminChange;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What administrators do to users: change a role, a subscription, or deactivate. Thread-safe.
 * Refuses to remove the last active administrator (by demotion or deactivation), since nobody
 * could then grant anything.
 */
public final class Administration {
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public Administration(UserRepository users, PasswordHasher passwords, AuditTrail audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<UserRow> users() {
        return users.list();
    }

    /** Applies {@code change} to user {@code userId} on behalf of {@code administrator}. */
    public Outcome<UserRow> change(UUID administrator, UUID userId, AdminChange change) {
        Optional<UserRow> current = users.find(userId);
        if (current.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no user " + userId));
        }
        boolean removesAdmin = change.role() == Role.USER || Boolean.FALSE.equals(change.active());
        if (removesAdmin && isLastActiveAdministrator(current.get())) {
            return Outcome.refused(Refusal.conflict("role", "would remove the last active administrator"));
        }
        UserRow changed = users.change(userId, change, clock.instant()).orElseThrow();
        audit.record(LogLevel.INFO, "admin", "user changed by an administrator", userId, Map.of("administrator", administrator.toString(),
                "role", changed.role().name(), "subscription", changed.subscription().status().name(), "active",
                Boolean.toString(changed.active())));
        return Outcome.ok(changed);
    }

    /**
     * Deletes user {@code userId} and everything of theirs, on behalf of {@code actor} (an
     * administrator, or the user themselves with their {@code password}; null for an administrator).
     * First the user is made inactive, so no new request of theirs counts; then {@code beforeDelete}
     * runs (the order path closes their accounts and writes what is pending); then the row goes,
     * and the schema's cascades take the rest. Refuses an unknown user, a wrong password, and the
     * last active administrator; a refusal changes nothing.
     */
    public Outcome<UserRow> delete(UUID actor, UUID userId, String password, Consumer<UUID> beforeDelete) {
        Optional<UserRow> current = users.find(userId);
        if (current.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no user " + userId));
        }
        UserRow user = current.get();
        if (password != null && (user.passwordHash() == null || !passwords.matches(password, user.passwordHash()))) {
            audit.record(LogLevel.WARNING, "auth", "account deletion refused: wrong password", userId, Map.of());
            return Outcome.refused(Refusal.invalid("password", "is not this user's password"));
        }
        if (isLastActiveAdministrator(user)) {
            return Outcome.refused(Refusal.conflict("userId", "would delete the last active administrator"));
        }
        users.change(userId, new AdminChange(null, null, null, false, false), clock.instant());
        beforeDelete.accept(userId);
        users.delete(userId);
        audit.record(LogLevel.INFO, "admin", actor.equals(userId) ? "user deleted themselves" : "user deleted by an administrator", null,
                Map.of("user", userId.toString(), "email", user.email(), "by", actor.toString()));
        return Outcome.ok(user);
    }

    /** True when {@code user} is an active administrator and no other is: nobody could then grant anything. */
    private boolean isLastActiveAdministrator(UserRow user) {
        return user.role() == Role.ADMIN && user.active() && users.activeAdministrators() <= 1;
    }
}
