package io.tradebook.core.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that changed and that clients watching live should see at once: an order's new
 * state, a fill, a price, a notification, a position or a strategy's status. Immutable.
 *
 * @param userId whose clients receive it, or null for everyone (market prices)
 * @param type   what kind of change: {@code order}, {@code fill}, {@code price}, {@code notification},
 *               {@code position}, {@code strategy}, … (lower-case, stable: clients switch on it)
 * @param data   the change, as plain values (strings, numbers as exact decimals, booleans, nested
 *               maps and lists), ready to be written as JSON by an adapter
 * @param time   when it happened
 */
public record LiveEvent(UUID userId, String type, Map<String, Object> data, Instant time) {
    public LiveEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a live event needs a type");
        }
        data = Map.copyOf(Objects.requireNonNull(data, "data"));
        Objects.requireNonNull(time, "time");
    }

    /** True when the clients of {@code user} should receive this event. */
    public boolean isFor(UUID user) {
        return userId == null || userId.equals(user);
    }
}
