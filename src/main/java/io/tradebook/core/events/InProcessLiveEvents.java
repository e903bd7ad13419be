package io.tradebook.core.events;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live events within one process: a publish calls each matching subscriber on the publishing
 * thread, so subscribers must hand the event on quickly (to a client's queue) and never block.
 * A subscriber that throws is dropped. Thread-safe.
 */
public final class InProcessLiveEvents implements LiveEvents {
    /** A subscriber; {@code user} null hears every event. */
    private record Listener(UUID user, Consumer<LiveEvent> consumer) {
        boolean hears(LiveEvent event) {
            return user == null || event.isFor(user);
        }
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LiveEvent event) {
        Objects.requireNonNull(event, "event");
        for (Listener l : listeners) {
            if (l.hears(event)) {
                try {
                    l.consumer().accept(event);
                } catch (RuntimeException e) {
                    listeners.remove(l);
                }
            }
        }
    }

    @Override
    public Subscription subscribe(UUID user, Consumer<LiveEvent> listener) {
        return add(new Listener(Objects.requireNonNull(user, "user"), Objects.requireNonNull(listener, "listener")));
    }

    @Override
    public Subscription subscribeAll(Consumer<LiveEvent> listener) {
        return add(new Listener(null, Objects.requireNonNull(listener, "listener")));
    }

    private Subscription add(Listener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** How many subscriptions are open (for metrics and tests). */
    public int subscribers() {
        return listeners.size();
    }
}
