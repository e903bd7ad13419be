package io.tradebook.trading;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The order path's order ids (time-ordered UUIDs, {@link io.tradebook.store.TimeOrderedIds}), remembering the last one made on each thread: a
 * submit that returns an order with that id made it, one that returns another order found it by
 * its client order id. This tells a new order from a repeated request without another lookup.
 * Thread-safe.
 */
final class OrderIds implements Supplier<String> {
    private final ThreadLocal<String> last = new ThreadLocal<>();

    @Override
    public String get() {
        String id = io.tradebook.store.TimeOrderedIds.next().toString();
        last.set(id);
        return id;
    }

    /** Forgets this thread's last id: call before a submit. */
    void clear() {
        last.remove();
    }

    /** True when {@code id} is the last id made on this thread since {@link #clear}. */
    boolean madeHere(String id) {
        return id.equals(last.get());
    }
}
