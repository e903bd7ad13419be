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

/**
 * What administrators do to users: change a role, a subscription, or deactivate. Thread-safe.
 * Refuses to remove the last active administrator (by demotion or deactivation), since nobody
 * could then grant anything.
 */
public final class Administration {
    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    public Administration(UserRepository users, AuditTrail audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
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
        boolean removesAdmin = current.get().role() == Role.ADMIN && current.get().active()
                && (change.role() == Role.USER || Boolean.FALSE.equals(change.active()));
        if (removesAdmin && users.activeAdministrators() <= 1) {
            return Outcome.refused(Refusal.conflict("role", "would remove the last active administrator"));
        }
        UserRow changed = users.change(userId, change, clock.instant()).orElseThrow();
        audit.record(LogLevel.INFO, "admin", "user changed by an administrator", userId, Map.of("administrator", administrator.toString(),
                "role", changed.role().name(), "subscription", changed.subscription().status().name(), "active",
                Boolean.toString(changed.active())));
        return Outcome.ok(changed);
    }
}
