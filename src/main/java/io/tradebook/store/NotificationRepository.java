package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.NotificationType;
import io.tradebook.store.JdbiEventSink.StoredNotification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A user's notifications as stored by {@link JdbiEventSink}: listed newest first, counted while
 * unread, marked read one by one or all at once; and where the user wants them sent as well (a
 * webhook URL, kept in {@code users.preferences} under {@code webhookUrl}). Only notifications
 * addressed to the user are theirs; system-wide ones (no user) are not listed here. Thread-safe.
 */
public final class NotificationRepository {
    /** The key of the webhook URL in {@code users.preferences}. */
    public static final String WEBHOOK_URL = "webhookUrl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, user_id, notification_type, alert_level, title, message, data, created_at, read_at";

    private final Jdbi jdbi;

    public NotificationRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Which notifications to list: only unread ones, one type, one level; null or false means any. Immutable. */
    public record Filter(boolean unreadOnly, NotificationType type, AlertLevel level) {
        public static final Filter ANY = new Filter(false, null, null);
    }

    /** The user's notifications that {@code filter} selects, newest first, at most {@code limit}, after {@code after} (null for the first page). */
    public Page<StoredNotification> list(UUID userId, Filter filter, PageCursor after, int limit) {
        Listing listing = new Listing("SELECT " + COLUMNS + " FROM notifications WHERE user_id = :user")
                .equal("notification_type", "type", filter.type() == null ? null : filter.type().name())
                .equal("alert_level", "level", filter.level() == null ? null : filter.level().name()).below("id", after);
        if (filter.unreadOnly()) {
            listing.and("read_at IS NULL");
        }
        String sql = listing.sql("id DESC", limit);
        List<StoredNotification> rows = jdbi.withHandle(h -> h.createQuery(sql).bind("user", userId).bindMap(listing.binds())
                .map(NotificationRepository::row).list());
        return Page.of(rows, limit, n -> new PageCursor(null, Long.toString(n.id())));
    }

    /** How many of the user's notifications are unread. */
    public long unreadCount(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .bind("user", userId).mapTo(Long.class).one());
    }

    /** Marks the user's notification read (once: a second time keeps the first time); empty when the user has no such notification. */
    public Optional<StoredNotification> markRead(UUID userId, long id, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE notifications SET read_at = :now WHERE id = :id AND user_id = :user AND read_at IS NULL")
                    .bind("now", SqlTypes.utc(now)).bind("id", id).bind("user", userId).execute();
            return find(h, userId, id);
        });
    }

    /** Marks every unread notification of the user read; returns how many it marked. */
    public int markAllRead(UUID userId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE notifications SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
                .bind("now", SqlTypes.utc(now)).bind("user", userId).execute());
    }

    /** The user's notification {@code id}; empty when the user has none with that id. */
    public Optional<StoredNotification> find(UUID userId, long id) {
        return jdbi.withHandle(h -> find(h, userId, id));
    }

    private static Optional<StoredNotification> find(Handle h, UUID userId, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notifications WHERE id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId).map(NotificationRepository::row).findOne();
    }

    /** Where the user wants notifications delivered as well; empty when nowhere. */
    public Optional<String> webhookUrl(UUID userId) {
        return jdbi.withHandle(h -> Optional.ofNullable(preferences(h, userId, false).get(WEBHOOK_URL)).map(Object::toString));
    }

    /** Sets (or, with null, removes) the user's webhook URL, keeping their other preferences. Refuses an unknown user. */
    public void setWebhookUrl(UUID userId, String url) {
        jdbi.useTransaction(h -> {
            Map<String, Object> preferences = new TreeMap<>(preferences(h, userId, true));
            if (url == null) {
                preferences.remove(WEBHOOK_URL);
            } else {
                preferences.put(WEBHOOK_URL, url);
            }
            h.createUpdate("UPDATE users SET preferences = :preferences, updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("preferences", json(preferences)).bind("id", userId).execute();
        });
        AccessChanges.changed(); // where the user's notifications may be sent
    }

    private static Map<String, Object> preferences(Handle h, UUID userId, boolean forUpdate) {
        String text = h.createQuery("SELECT preferences FROM users WHERE id = :id" + (forUpdate ? " FOR UPDATE" : "")).bind("id", userId).mapTo(String.class)
                .findOne().orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object value = JSON.readValue(text, Object.class);
            if (value instanceof String nested) {
                value = JSON.readValue(nested, Object.class); // a driver that hands JSON back as a JSON string
            }
            return value instanceof Map<?, ?> ? JSON.convertValue(value, OBJECT) : Map.of();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("users.preferences of " + userId + " is not JSON", e);
        }
    }

    private static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preferences always serialise", e);
        }
    }

    private static StoredNotification row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredNotification(rs.getLong("id"), rs.getObject("user_id", UUID.class),
                NotificationType.valueOf(rs.getString("notification_type")), AlertLevel.valueOf(rs.getString("alert_level")),
                rs.getString("title"), rs.getString("message"), JdbiEventSink.map(rs, "data"), SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "read_at"));
    }
}
