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
    private record Listener(UUID user, Consumer<LiveEvent> consumer) {
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LiveEvent event) {
        Objects.requireNonNull(event, "event");
        for (Listener l : listeners) {
            if (event.isFor(l.user())) {
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
        Listener l = new Listener(Objects.requireNonNull(user, "user"), Objects.requireNonNull(listener, "listener"));
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** How many subscriptions are open (for metrics and tests). */
    public int subscribers() {
        return listeners.size();
    }
}
