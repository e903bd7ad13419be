package io.tradebook.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InProcessLiveEventsTest {
    private static final Instant T = Instant.parse("2024-01-02T14:30:00Z");
    private final InProcessLiveEvents events = new InProcessLiveEvents();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void aUserSeesTheirOwnAndPublicEventsOnlyUntilTheyLeave() {
        List<String> seen = new ArrayList<>();
        LiveEvents.Subscription s = events.subscribe(alice, e -> seen.add(e.type()));
        events.publish(new LiveEvent(alice, "order", Map.of("id", "o1"), T));
        events.publish(new LiveEvent(bob, "fill", Map.of("id", "f1"), T));
        events.publish(new LiveEvent(null, "price", Map.of("symbol", "SPY", "price", "500.01"), T));
        s.close();
        s.close();
        events.publish(new LiveEvent(alice, "order", Map.of("id", "o2"), T));
        assertThat(seen).containsExactly("order", "price");
        assertThat(events.subscribers()).isZero();
    }

    @Test
    void aSubscriberThatThrowsIsDroppedAndOthersStillHear() {
        List<String> seen = new ArrayList<>();
        events.subscribe(alice, e -> {
            throw new IllegalStateException("gone");
        });
        events.subscribe(alice, e -> seen.add(e.type()));
        events.publish(new LiveEvent(alice, "notification", Map.of(), T));
        assertThat(seen).containsExactly("notification");
        assertThat(events.subscribers()).isEqualTo(1);
    }

    @Test
    void refusesAnEventWithoutType() {
        assertThatThrownBy(() -> new LiveEvent(alice, " ", Map.of(), T)).isInstanceOf(IllegalArgumentException.class);
    }
}
