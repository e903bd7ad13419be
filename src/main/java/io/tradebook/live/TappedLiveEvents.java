package io.tradebook.live;

import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live events that also show every event <em>published in this process</em> to some taps (webhook
 * delivery), after handing it to the underlying events. Events that arrive from other processes
 * (over Redis) do not pass the taps, so work that must happen once per event happens in the
 * process that published it. A tap that throws is logged and the others still run. Immutable;
 * thread-safe when the taps are.
 */
public final class TappedLiveEvents implements LiveEvents {
    private static final Logger LOG = LoggerFactory.getLogger(TappedLiveEvents.class);
    private final LiveEvents inner;
    private final List<Consumer<LiveEvent>> taps;

    public TappedLiveEvents(LiveEvents inner, List<Consumer<LiveEvent>> taps) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.taps = List.copyOf(taps);
    }

    @Override
    public void publish(LiveEvent event) {
        inner.publish(event);
        for (Consumer<LiveEvent> tap : taps) {
            try {
                tap.accept(event);
            } catch (RuntimeException e) {
                LOG.error("a live event tap failed on a {} event", event.type(), e);
            }
        }
    }

    @Override
    public Subscription subscribe(UUID user, Consumer<LiveEvent> listener) {
        return inner.subscribe(user, listener);
    }

    @Override
    public Subscription subscribeAll(Consumer<LiveEvent> listener) {
        return inner.subscribeAll(listener);
    }
}
