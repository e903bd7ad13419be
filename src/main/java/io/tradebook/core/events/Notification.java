package io.tradebook.core.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message for the owner of an account (or everyone, when {@code account} is null): an order
 * filled or rejected, a risk alert, a broker down or back. Immutable. {@code data} holds the
 * figures behind it (order id, rule, limit, observed value), as text.
 */
public record Notification(String account, NotificationType type, AlertLevel level, String title, String message,
                           Map<String, String> data, Instant time) {
    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        data = Map.copyOf(data);
    }
}
