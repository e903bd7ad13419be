package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps audit entries in {@code system_logs} with the user they concern, each in its own
 * statement (an entry must not depend on the fate of the transaction it reports on). Details are a
 * JSON object of strings, sorted by key. Thread-safe.
 */
public final class JdbiAuditTrail implements AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiAuditTrail(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(LogLevel level, String component, String message, UUID userId, Map<String, String> details) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO system_logs (logged_at, level, component, message, details, user_id) "
                        + "VALUES (:time, :level, :component, :message, :details, :user)")
                .bind("time", SqlTypes.utc(clock.instant())).bind("level", level.name()).bind("component", component)
                .bind("message", message).bind("details", details == null || details.isEmpty() ? null : json(details))
                .bindByType("user", userId, UUID.class).execute());
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
