package io.tradebook.core.events;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The live event stream: whoever changes something publishes it, and each connected client
 * subscribes for its user's events (and the public ones). An implementation may stay in one
 * process ({@link InProcessLiveEvents}) or fan events out to every server process (Redis pub/sub).
 * Delivery is best effort and in publishing order per publisher: a client that needs the whole
 * state reads it through the API and then follows the stream.
 */
public interface LiveEvents {

    /** Sends {@code event} to every subscriber it is for; never blocks on a slow subscriber. */
    void publish(LiveEvent event);

    /** Delivers to {@code listener} every later event for {@code user} (and the public ones) until the subscription is closed. */
    Subscription subscribe(UUID user, Consumer<LiveEvent> listener);

    /** An open subscription; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** A stream that drops every event and never delivers: for backtests, benchmarks and tools. */
    LiveEvents NONE = new LiveEvents() {
        @Override
        public void publish(LiveEvent event) {
        }

        @Override
        public Subscription subscribe(UUID user, Consumer<LiveEvent> listener) {
            return () -> { };
        }
    };
}
