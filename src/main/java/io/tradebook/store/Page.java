package io.tradebook.store;

import java.util.List;

/**
 * One page of a newest-first listing and where the next one starts ({@code next} is null on the
 * last page). Immutable.
 */
public record Page<T>(List<T> items, PageCursor next) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made of {@code rows}, read with a limit one larger than {@code limit}: the extra
     * row, if it came, only shows that another page follows, whose cursor is {@code cursorOf} the
     * last row kept.
     */
    static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, PageCursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit);
        return new Page<>(kept, cursorOf.apply(kept.get(limit - 1)));
    }
}
