package io.tradebook.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradebook.core.events.LiveEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two "processes" (two RedisLiveEvents) on the real Redis: each event reaches every subscriber once; Redis going away and coming back. */
class RedisLiveEventsTest {
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final UUID alice = UUID.randomUUID();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    /** Counts status changes. */
    static final class Recorded implements RedisLiveEvents.Status {
        final AtomicInteger downs = new AtomicInteger();
        final AtomicInteger restores = new AtomicInteger();
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void down(String reason) {
            reasons.add(reason);
            downs.incrementAndGet();
        }

        @Override
        public void restored() {
            restores.incrementAndGet();
        }
    }

    private RedisLiveEvents process(URI url, String channel, String name, Recorded status) {
        RedisLiveEvents events = new RedisLiveEvents(url, channel, name, Duration.ofMillis(200), status, new SimpleMeterRegistry());
        open.add(events);
        return events;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static LiveEvent event(UUID user, String type, int n) {
        return new LiveEvent(user, type, Map.of("n", n, "price", new BigDecimal("187.250000000001")), T);
    }

    @Test
    void anEventPublishedInOneProcessReachesEverySubscriberOfBothExactlyOnce() {
        String channel = TestRedis.channel();
        Recorded statusA = new Recorded();
        RedisLiveEvents a = process(TestRedis.url(), channel, "process-a", statusA);
        RedisLiveEvents b = process(TestRedis.url(), channel, "process-b", new Recorded());
        await().atMost(WAIT).until(() -> a.isUp() && b.isUp());
        List<LiveEvent> atA = new CopyOnWriteArrayList<>();
        List<LiveEvent> atB = new CopyOnWriteArrayList<>();
        List<LiveEvent> allAtB = new CopyOnWriteArrayList<>();
        a.subscribe(alice, atA::add);
        b.subscribe(alice, atB::add);
        b.subscribeAll(allAtB::add);

        a.publish(event(alice, "order", 1));
        assertThat(atA).as("delivered locally at once, not through Redis").hasSize(1);
        b.publish(event(alice, "fill", 2));
        a.publish(event(null, "price", 3));
        a.publish(event(UUID.randomUUID(), "order", 4)); // someone else's
        b.publish(event(null, "done", 5));
        a.publish(event(null, "done", 6));
        await().atMost(WAIT).until(() -> atA.stream().filter(e -> e.type().equals("done")).count() == 2
                && atB.stream().filter(e -> e.type().equals("done")).count() == 2);

        assertThat(atA).extracting(e -> e.data().get("n").toString()).containsExactlyInAnyOrder("1", "2", "3", "5", "6");
        assertThat(atB).extracting(e -> e.data().get("n").toString()).containsExactlyInAnyOrder("1", "2", "3", "5", "6");
        assertThat(allAtB).hasSize(6);
        LiveEvent remote = atB.stream().filter(e -> e.type().equals("order")).findFirst().orElseThrow();
        assertThat(remote.userId()).isEqualTo(alice);
        assertThat(remote.time()).isEqualTo(T);
        assertThat(remote.data().get("price")).as("decimals cross as exact strings").isEqualTo("187.250000000001");
        assertThat(LiveEventJson.client(remote)).isEqualTo(LiveEventJson.client(event(alice, "order", 1)));
        assertThat(statusA.downs.get()).isZero();
    }

    @Test
    void whenRedisGoesAwayLocalDeliveryGoesOnAndBothChangesAreReportedOnce() throws Exception {
        String channel = TestRedis.channel();
        URI direct = TestRedis.url();
        try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort())) {
            Recorded status = new Recorded();
            RedisLiveEvents a = process(URI.create("redis://127.0.0.1:" + proxy.port()), channel, "process-a", status);
            RedisLiveEvents b = process(direct, channel, "process-b", new Recorded());
            await().atMost(WAIT).until(() -> a.isUp() && b.isUp());
            List<String> atA = new CopyOnWriteArrayList<>();
            List<String> atB = new CopyOnWriteArrayList<>();
            a.subscribe(alice, e -> atA.add(e.type()));
            b.subscribe(alice, e -> atB.add(e.type()));

            proxy.cut();
            await().atMost(WAIT).until(() -> status.downs.get() == 1);
            assertThat(a.isUp()).isFalse();
            a.publish(event(alice, "during-outage", 1));
            assertThat(atA).containsExactly("during-outage");
            b.publish(event(alice, "from-b-during-outage", 2));
            assertThat(atB).as("B hears nothing from A while A is cut off").containsExactly("from-b-during-outage");

            proxy.restore();
            await().atMost(WAIT).until(() -> status.restores.get() == 1 && a.isUp());
            b.publish(event(alice, "after", 3));
            await().atMost(WAIT).until(() -> atA.contains("after"));
            a.publish(event(alice, "after-from-a", 4));
            await().atMost(WAIT).until(() -> atB.contains("after-from-a"));
            assertThat(atA).containsExactly("during-outage", "after", "after-from-a");
            assertThat(status.downs.get()).as("reported once, whatever the reconnection attempts").isEqualTo(1);
            assertThat(status.reasons.get(0)).contains("127.0.0.1:" + proxy.port());
        }
    }

    @Test
    void aProcessThatStartsWhileRedisIsAwayReportsItAndConnectsWhenItComes() throws Exception {
        String channel = TestRedis.channel();
        URI direct = TestRedis.url();
        try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort())) {
            proxy.cut();
            Recorded status = new Recorded();
            RedisLiveEvents a = process(URI.create("redis://127.0.0.1:" + proxy.port()), channel, "process-a", status);
            await().atMost(WAIT).until(() -> status.downs.get() == 1);
            List<String> atA = new CopyOnWriteArrayList<>();
            a.subscribe(alice, e -> atA.add(e.type()));
            a.publish(event(alice, "local", 1));
            assertThat(atA).containsExactly("local");
            proxy.restore();
            await().atMost(WAIT).until(() -> status.restores.get() == 1 && a.isUp());
            RedisLiveEvents b = process(direct, channel, "process-b", new Recorded());
            await().atMost(WAIT).until(b::isUp);
            b.publish(event(alice, "remote", 2));
            await().atMost(WAIT).until(() -> atA.contains("remote"));
        }
    }

    @Test
    void messagesThatAreNotEventsAreIgnored() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LiveEventJson.readWire("{\"origin\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LiveEventJson.readWire("not json")))
                .isInstanceOf(IllegalArgumentException.class);
        LiveEventJson.Tagged back = LiveEventJson.readWire(LiveEventJson.wire("p1", event(alice, "order", 7)));
        assertThat(back.origin()).isEqualTo("p1");
        assertThat(back.event().data()).containsEntry("n", 7).containsEntry("price", "187.250000000001");
    }
}
