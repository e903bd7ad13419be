package io.tradebook.core.events;

import java.util.Map;
import java.util.UUID;

/**
 * The audit trail (seed 003 {@code system_logs}): who did what, when, for logins, key and
 * connection changes, orders and errors. Entries are facts, never secrets: callers must not put a
 * password, token, key or broker credential in a message or detail.
 */
public interface AuditTrail {
    /**
     * Keeps one entry.
     *
     * @param userId  the user it concerns, or null (e.g. a failed login for an unknown email)
     * @param details short string facts (ids, names); may be empty
     */
    void record(LogLevel level, String component, String message, UUID userId, Map<String, String> details);

    /** A trail that keeps nothing, for tests that do not look at it. */
    AuditTrail NONE = (level, component, message, userId, details) -> {
    };
}
