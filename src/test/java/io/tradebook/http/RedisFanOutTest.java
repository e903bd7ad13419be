package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradebook.core.events.LiveEvent;
import io.tradebook.live.LiveSettings;
import io.tradebook.live.TcpProxy;
import io.tradebook.live.TestRedis;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.TestDatabases;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two real server processes on one database and one Redis: an event published in one reaches an
 * event-stream client of the other exactly once; when Redis goes away each says so
 * (SERVICE_DOWN, then SERVICE_RESTORED) in the notifications, the system log and the stream.
 */
class RedisFanOutTest {
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anEventPublishedInOneServerReachesAStreamClientOfTheOtherExactlyOnce() {
        String channel = TestRedis.channel();
        LiveSettings live = LiveSettings.DEFAULT.withRedis(TestRedis.url(), channel).withStreams(EventStreamTest.SMALL);
        try (TestServer a = new TestServer(TestDatabases.h2(), c -> c.withLive(live));
             TestServer b = TestServer.alongside(a, c -> c.withLive(live))) {
            TestServer.Session alice = a.signUp("alice@example.com");
            UUID aliceId = UUID.fromString(alice.userId());
            try (SseClient atB = SseClient.open(b.server.uri().resolve("/api/events"), Map.of("Authorization", "Bearer " + alice.accessToken()));
                 SseClient atA = SseClient.open(a.server.uri().resolve("/api/events"), Map.of("Authorization", "Bearer " + alice.accessToken()))) {
                assertThat(atB.next().type()).isEqualTo("ready");
                assertThat(atA.next().type()).isEqualTo("ready");
                a.server.context().liveEvents().publish(new LiveEvent(aliceId, "order", Map.of("orderId", "o-1"), T));
                b.server.context().liveEvents().publish(new LiveEvent(null, "price", Map.of("symbol", "SPY", "price", "500.25"), T));
                // Each process keeps its own publishing order; between processes there is none. Markers from both
                // sides, published last, show when everything before them has arrived.
                a.server.context().liveEvents().publish(new LiveEvent(aliceId, "done-a", Map.of(), T));
                b.server.context().liveEvents().publish(new LiveEvent(aliceId, "done-b", Map.of(), T));
                for (SseClient client : new SseClient[] {atA, atB}) {
                    await().atMost(WAIT).until(() -> client.seen.stream().filter(e -> e.type().startsWith("done")).count() == 2);
                    assertThat(client.seen).extracting(SseClient.Event::type).as("each event exactly once")
                            .containsExactlyInAnyOrder("ready", "order", "price", "done-a", "done-b");
                    assertThat(client.seen).filteredOn(e -> e.type().equals("price")).singleElement()
                            .satisfies(e -> assertThat(e.data()).contains("\"price\":\"500.25\""));
                }
            }
        }
    }

    @Test
    void aNotificationIsDeliveredToTheWebhookOnceByTheServerThatPublishedIt() throws Exception {
        String channel = TestRedis.channel();
        LiveSettings live = LiveSettings.DEFAULT.withRedis(TestRedis.url(), channel)
                .withWebhooks(new io.tradebook.live.WebhookSettings(3, Duration.ofMillis(20), Duration.ofSeconds(2), 100, true));
        try (WebhookReceiver receiver = new WebhookReceiver();
             TestServer a = new TestServer(TestDatabases.h2(), c -> c.withLive(live));
             TestServer b = TestServer.alongside(a, c -> c.withLive(live))) {
            TestServer.Session alice = a.signUp("alice@example.com");
            alice.client().post("/api/me/webhook-secret", null);
            a.database.jdbi().useHandle(h -> h.execute("UPDATE users SET preferences = ? WHERE id = ?",
                    "{\"webhookUrl\":\"" + receiver.url() + "\"}", UUID.fromString(alice.userId())));
            try (SseClient atB = SseClient.open(b.server.uri().resolve("/api/events"), Map.of("Authorization", "Bearer " + alice.accessToken()))) {
                assertThat(atB.next().type()).isEqualTo("ready");
                a.server.context().liveEvents().publish(new LiveEvent(UUID.fromString(alice.userId()), "notification",
                        Map.of("title", "Filled"), T));
                assertThat(atB.next().type()).as("B streams it").isEqualTo("notification");
                b.server.context().liveEvents().publish(new LiveEvent(UUID.fromString(alice.userId()), "done", Map.of(), T));
                await().atMost(WAIT).until(() -> a.server.context().live().webhooks().pending() == 0
                        && b.server.context().live().webhooks().pending() == 0 && receiver.received.size() >= 1);
                assertThat(atB.next().type()).isEqualTo("done");
            }
            assertThat(receiver.received).as("delivered by A only").hasSize(1);
        }
    }

    @Test
    void whenRedisGoesAwayTheServerSaysSoAndSaysSoAgainWhenItIsBack() throws Exception {
        URI direct = TestRedis.url();
        try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort());
             TestServer a = new TestServer(TestDatabases.h2(), c -> c.withLive(LiveSettings.DEFAULT
                     .withRedis(URI.create("redis://127.0.0.1:" + proxy.port()), TestRedis.channel())))) {
            TestServer.Session alice = a.signUp("alice@example.com");
            JdbiEventSink sink = new JdbiEventSink(a.database.jdbi());
            try (SseClient stream = SseClient.open(a.server.uri().resolve("/api/events"), Map.of("Authorization", "Bearer " + alice.accessToken()))) {
                assertThat(stream.next().type()).isEqualTo("ready");
                proxy.cut();
                await().atMost(WAIT).until(() -> sink.notifications(null, 10).stream()
                        .anyMatch(n -> n.type().name().equals("SERVICE_DOWN")));
                SseClient.Event down = stream.next();
                assertThat(down.type()).isEqualTo("notification");
                assertThat(down.data()).contains("SERVICE_DOWN", "Redis");
                UUID aliceId = UUID.fromString(alice.userId());
                a.server.context().liveEvents().publish(new LiveEvent(aliceId, "order", Map.of("n", 1), T));
                assertThat(stream.next().type()).as("local delivery goes on").isEqualTo("order");

                proxy.restore();
                await().atMost(WAIT).until(() -> sink.notifications(null, 10).stream()
                        .anyMatch(n -> n.type().name().equals("SERVICE_RESTORED")));
                assertThat(stream.next().data()).contains("SERVICE_RESTORED");
                SseClient.Event resync = stream.next();
                assertThat(resync.type()).as("what other servers published meanwhile was missed").isEqualTo("resync");
                assertThat(resync.data()).contains("redis-restored");
            }
            var logged = sink.logs(20).stream().filter(e -> e.component().equals("live")).map(e -> e.level().name() + " " + e.message()).toList();
            assertThat(logged).containsExactly("INFO Live events: Redis is back", "ERROR Live events: Redis is unreachable");
            assertThat(sink.notifications(null, 10)).filteredOn(n -> n.userId() == null).hasSize(2);
        }
    }
}
