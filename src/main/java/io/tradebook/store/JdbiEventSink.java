package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.RiskEvent;
import io.tradebook.core.events.NotificationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes notifications to {@code notifications} and log entries to {@code system_logs}, each in
 * its own statement (they are not part of the order's transaction: a lost notification must not
 * undo a fill). A notification for an account goes to the account's owner; one without an
 * account is system-wide ({@code user_id} NULL). Data and details are stored as JSON objects of
 * strings (sorted by key; a detail may be null). Thread-safe.
 *
 * <p>Refuses a notification for an account that is not a stored account's id. A title longer
 * than the column's 200 characters is shortened (ending in "…"): it is a headline, and the whole
 * text is in the message.
 */
public final class JdbiEventSink implements EventSink {
    static final int TITLE_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final Clock clock;

    /** A sink that stamps log entries with the system clock. */
    public JdbiEventSink(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    /** A sink that stamps log entries with {@code clock} (a notification carries its own time). */
    public JdbiEventSink(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A stored notification; {@code userId} null means system-wide. Immutable. */
    public record StoredNotification(long id, UUID userId, NotificationType type, AlertLevel level, String title, String message,
                                     Map<String, String> data, Instant createdAt, Instant readAt) {
    }

    /** A stored log entry; {@code details} is empty when none were given. Immutable. */
    public record LogEntry(long id, Instant time, LogLevel level, String component, String message, Map<String, String> details) {
    }

    /**
     * Stores a risk rule's refusal in {@code risk_events}. The rule must be a stored rule (its id a
     * {@code risk_rules} id); a refusal by a rule that lives only in memory cannot be linked to a
     * row, so it is kept as a WARNING in the system log instead.
     */
    @Override
    public void riskEvent(RiskEvent e) {
        UUID rule = uuidOrNull(e.ruleId());
        boolean stored = rule != null && jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM risk_rules WHERE id = :id")
                .bind("id", rule).mapTo(Integer.class).one() > 0);
        if (!stored) {
            log(LogLevel.WARNING, "risk", "refusal by a rule that is not stored: " + e.message(),
                    Map.of("rule", String.valueOf(e.ruleId()), "orderId", String.valueOf(e.orderId())));
            return;
        }
        new RiskEventRepository(jdbi).insert(new RiskEventRepository.RiskEventRow(rule, JdbiBookKeeper.accountId(e.account()),
                uuidOrNull(e.orderId()), e.time(), e.ruleType(), e.limit(), e.observed(), e.message()));
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    @Override
    public void notify(Notification n) {
        store(n);
    }

    /** Stores the notification as {@link #notify} does and returns it as stored (with its id and its user). */
    public StoredNotification store(Notification n) {
        return jdbi.inTransaction(h -> insert(h, n, ownerOf(h, n)));
    }

    /**
     * Stores notifications whose users are already known, in one transaction, and returns them as
     * stored, in order. {@code users} gives each one's user (null for a system-wide one).
     */
    public List<StoredNotification> storeAll(List<Notification> notifications, List<UUID> users) {
        if (notifications.size() != users.size()) {
            throw new IllegalArgumentException(notifications.size() + " notifications but " + users.size() + " users");
        }
        if (notifications.isEmpty()) {
            return List.of();
        }
        if (notifications.size() == 1) {
            return jdbi.inTransaction(h -> List.of(insert(h, notifications.get(0), users.get(0))));
        }
        return jdbi.inTransaction(h -> {
            // one JDBC batch (one round trip on PostgreSQL), the ids it made in the order of the rows
            org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch(INSERT);
            for (int i = 0; i < notifications.size(); i++) {
                bind(batch, notifications.get(i), users.get(i)).add();
            }
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            if (ids.size() != notifications.size()) {
                throw new IllegalStateException(notifications.size() + " notifications stored but " + ids.size() + " ids returned");
            }
            List<StoredNotification> stored = new java.util.ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                stored.add(stored(ids.get(i), notifications.get(i), users.get(i)));
            }
            return stored;
        });
    }

    private static final String INSERT = "INSERT INTO notifications (user_id, notification_type, alert_level, title, message, data, "
            + "created_at) VALUES (:user, :type, :level, :title, :message, :data, :time)";

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, Notification n, UUID user) {
        return statement.bindByType("user", user, UUID.class).bind("type", n.type().name()).bind("level", n.level().name())
                .bind("title", headline(n.title())).bind("message", n.message()).bind("data", json(n.data()))
                .bind("time", SqlTypes.utc(n.time()));
    }

    private static StoredNotification stored(long id, Notification n, UUID user) {
        return new StoredNotification(id, user, n.type(), n.level(), headline(n.title()), n.message(),
                Collections.unmodifiableMap(new TreeMap<>(n.data())), n.time(), null);
    }

    private static UUID ownerOf(org.jdbi.v3.core.Handle h, Notification n) {
        if (n.account() == null) {
            return null;
        }
        UUID account = JdbiBookKeeper.accountId(n.account());
        return h.createQuery("SELECT user_id FROM accounts WHERE id = :id").bind("id", account).mapTo(UUID.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("no account " + n.account()));
    }

    private static StoredNotification insert(org.jdbi.v3.core.Handle h, Notification n, UUID user) {
        String title = headline(n.title());
        long id = h.createUpdate("INSERT INTO notifications (user_id, notification_type, alert_level, title, message, data, created_at) "
                        + "VALUES (:user, :type, :level, :title, :message, :data, :time)")
                .bindByType("user", user, UUID.class).bind("type", n.type().name()).bind("level", n.level().name())
                .bind("title", title).bind("message", n.message()).bind("data", json(n.data()))
                .bind("time", SqlTypes.utc(n.time())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new StoredNotification(id, user, n.type(), n.level(), title, n.message(),
                Collections.unmodifiableMap(new TreeMap<>(n.data())), n.time(), null);
    }

    @Override
    public void log(LogLevel level, String component, String message, Map<String, String> details) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO system_logs (logged_at, level, component, message, details) "
                        + "VALUES (:time, :level, :component, :message, :details)")
                .bind("time", SqlTypes.utc(clock.instant())).bind("level", level.name()).bind("component", component)
                .bind("message", message).bind("details", details == null ? null : json(details)).execute());
    }

    /**
     * The newest {@code limit} notifications {@code userId} sees: their own and the system-wide
     * ones, newest first. With a null user, only the system-wide ones.
     */
    public List<StoredNotification> notifications(UUID userId, int limit) {
        requirePositive(limit);
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, notification_type, alert_level, title, message, data, "
                        + "created_at, read_at FROM notifications WHERE user_id IS NULL OR user_id = :user "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bindByType("user", userId, UUID.class).bind("limit", limit)
                .map((rs, ctx) -> new StoredNotification(rs.getLong("id"), rs.getObject("user_id", UUID.class),
                        NotificationType.valueOf(rs.getString("notification_type")), AlertLevel.valueOf(rs.getString("alert_level")),
                        rs.getString("title"), rs.getString("message"), map(rs, "data"), SqlTypes.instant(rs, "created_at"),
                        SqlTypes.instant(rs, "read_at")))
                .list());
    }

    /** The newest {@code limit} log entries, newest first. */
    public List<LogEntry> logs(int limit) {
        requirePositive(limit);
        return jdbi.withHandle(h -> h.createQuery("SELECT id, logged_at, level, component, message, details FROM system_logs "
                        + "ORDER BY logged_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new LogEntry(rs.getLong("id"), SqlTypes.instant(rs, "logged_at"), LogLevel.valueOf(rs.getString("level")),
                        rs.getString("component"), rs.getString("message"), map(rs, "details")))
                .list());
    }

    private static String headline(String title) {
        if (title.length() <= TITLE_LENGTH) {
            return title;
        }
        int cut = Character.isHighSurrogate(title.charAt(TITLE_LENGTH - 2)) ? TITLE_LENGTH - 2 : TITLE_LENGTH - 1;
        return title.substring(0, cut) + "…";
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    static Map<String, String> map(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return Map.of();
        }
        try {
            // A TreeMap, not Map.copyOf: a detail may have been logged with a null value.
            return Collections.unmodifiableMap(new TreeMap<>(JSON.readValue(text, STRING_MAP)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column + " is not a JSON object of strings: " + text, e);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
