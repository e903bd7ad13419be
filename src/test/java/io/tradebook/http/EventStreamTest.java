package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.live.EventStreams;
import io.tradebook.live.LiveSettings;
import io.tradebook.store.TestDatabases;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Server-Sent Events stream on a real server: who sees what, resuming, resync, heartbeats, slow clients, tickets, metrics. */
class EventStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    /** A small queue (4 frames) and buffers (3 events), and a heartbeat every 200 ms, so tests see every edge quickly. */
    static final EventStreams.Settings SMALL = new EventStreams.Settings(4, 3, 3, Duration.ofMillis(200), Duration.ofMinutes(10), 1000);
    private TestServer s;
    private LiveEvents events;

    @BeforeEach
    void start() {
        s = new TestServer(TestDatabases.h2(), c -> c.withLive(LiveSettings.DEFAULT.withStreams(SMALL)));
        events = s.server.context().liveEvents();
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private SseClient connect(TestServer.Session user, String lastEventId) {
        Map<String, String> headers = lastEventId == null ? Map.of("Authorization", "Bearer " + user.accessToken())
                : Map.of("Authorization", "Bearer " + user.accessToken(), "Last-Event-ID", lastEventId);
        SseClient c = SseClient.open(s.server.uri().resolve("/api/events"), headers);
        assertThat(c.status).as(String.valueOf(c.body)).isEqualTo(200);
        assertThat(c.next().type()).isEqualTo("ready");
        return c;
    }

    private void publish(TestServer.Session user, String type, Map<String, Object> data) {
        events.publish(new LiveEvent(user == null ? null : UUID.fromString(user.userId()), type, data, T));
    }

    private static JsonNode json(SseClient.Event e) {
        try {
            return JSON.readTree(e.data());
        } catch (java.io.IOException x) {
            throw new AssertionError(e.data(), x);
        }
    }

    @Test
    void eachClientGetsItsOwnUsersEventsAndThePublicOnesButNeverAnotherUsers() {
        TestServer.Session alice = s.signUp("alice@example.com");
        TestServer.Session bob = s.signUp("bob@example.com");
        try (SseClient a = connect(alice, null); SseClient b = connect(bob, null)) {
            assertThat(a.contentType).startsWith("text/event-stream");
            publish(alice, "order", Map.of("orderId", "o-alice", "status", "FILLED"));
            publish(bob, "fill", Map.of("fillId", "f-bob", "price", new BigDecimal("187.2500")));
            publish(null, "price", Map.of("symbol", "SPY", "price", new BigDecimal("500.01")));
            publish(alice, "notification", Map.of("title", "for alice"));

            assertThat(a.next().type()).isEqualTo("order");
            SseClient.Event price = a.next();
            assertThat(price.type()).isEqualTo("price");
            assertThat(json(price).at("/data/price").isTextual()).as("decimals are strings").isTrue();
            assertThat(json(price).at("/data/price").asText()).isEqualTo("500.01");
            assertThat(json(price).get("time").asText()).isEqualTo("2026-03-02T14:30:00Z");
            assertThat(a.next().type()).isEqualTo("notification");

            SseClient.Event fill = b.next();
            assertThat(fill.type()).isEqualTo("fill");
            assertThat(json(fill).at("/data/price").asText()).isEqualTo("187.2500");
            assertThat(b.next().type()).isEqualTo("price");
            assertThat(a.seen).extracting(SseClient.Event::data).noneMatch(d -> d.contains("f-bob"));
            assertThat(b.seen).extracting(SseClient.Event::data).noneMatch(d -> d.contains("o-alice") || d.contains("for alice"));
            assertThat(price.id()).isEqualTo(b.seen.get(b.seen.size() - 1).id()).as("one id per event for every client");
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedInOrder() throws Exception {
        TestServer.Session alice = s.signUp("alice@example.com");
        String last;
        try (SseClient a = connect(alice, null)) {
            publish(alice, "order", Map.of("n", 1));
            last = a.next().id();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> s.server.context().live().streams().clients() == 0);
        publish(alice, "order", Map.of("n", 2));
        publish(null, "price", Map.of("symbol", "SPY", "price", "1.5"));
        try (SseClient again = SseClient.open(s.server.uri().resolve("/api/events"),
                Map.of("Authorization", "Bearer " + alice.accessToken(), "Last-Event-ID", last))) {
            SseClient.Event first = again.next();
            assertThat(first.type()).isEqualTo("order");
            assertThat(json(first).at("/data/n").asInt()).isEqualTo(2);
            assertThat(again.next().type()).isEqualTo("price");
            assertThat(again.next().type()).isEqualTo("ready");
            publish(alice, "fill", Map.of("n", 3));
            assertThat(again.next().type()).isEqualTo("fill");
        }
    }

    @Test
    void aResumeThatCannotBeServedStartsWithResync() {
        TestServer.Session alice = s.signUp("alice@example.com");
        String last;
        try (SseClient a = connect(alice, null)) {
            publish(alice, "order", Map.of("n", 0));
            last = a.next().id();
            for (int n = 1; n <= 4; n++) {
                publish(alice, "order", Map.of("n", n)); // the buffer keeps 3: n=1 is evicted
                a.next();
            }
        }
        try (SseClient again = connectRaw(alice, last)) {
            SseClient.Event resync = again.next();
            assertThat(resync.type()).isEqualTo("resync");
            assertThat(json(resync).at("/data/reason").asText()).isEqualTo("missed");
            assertThat(again.next().type()).isEqualTo("ready");
        }
        try (SseClient other = connectRaw(alice, "another-server-17")) {
            SseClient.Event resync = other.next();
            assertThat(resync.type()).isEqualTo("resync");
            assertThat(json(resync).at("/data/reason").asText()).isEqualTo("unknown-id");
        }
    }

    private SseClient connectRaw(TestServer.Session user, String lastEventId) {
        return SseClient.open(s.server.uri().resolve("/api/events"),
                Map.of("Authorization", "Bearer " + user.accessToken(), "Last-Event-ID", lastEventId));
    }

    @Test
    void aSilentStreamSendsHeartbeatComments() {
        TestServer.Session alice = s.signUp("alice@example.com");
        try (SseClient a = connect(alice, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> a.comments.get() >= 2);
            assertThat(a.ended.getCount()).isEqualTo(1);
        }
    }

    @Test
    void aClientTooSlowToKeepUpGetsResyncAndIsDisconnectedWhilePublishersNeverWait() throws Exception {
        TestServer.Session alice = s.signUp("alice@example.com");
        SseClient slow = SseClient.open(s.server.uri().resolve("/api/events"), Map.of("Authorization", "Bearer " + alice.accessToken()), true);
        assertThat(slow.status).isEqualTo(200);
        String blob = "x".repeat(64 * 1024);
        long started = System.nanoTime();
        for (int n = 0; n < 400; n++) { // 25 MB: more than the socket buffers hold, so the queue of 4 overflows
            publish(alice, "order", Map.of("n", n, "blob", blob));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("publishing never waited for the client").isLessThan(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("tradebook_stream_events_dropped_total") > 0);
        assertThat(metric("tradebook_stream_overflows_total")).isEqualTo(1.0);
        slow.unpause();
        assertThat(slow.endsSoon()).as("the server ends the stream").isTrue();
        SseClient.Event last = slow.seen.get(slow.seen.size() - 1);
        assertThat(last.type()).isEqualTo("resync");
        assertThat(json(last).at("/data/reason").asText()).isEqualTo("overflow");
        assertThat(slow.seen.size()).isLessThan(400);
        slow.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> s.server.context().live().streams().clients() == 0);
    }

    @Test
    void aBrowserOpensTheStreamWithAOneUseTicketNeverALastingToken() throws Exception {
        TestServer.Session alice = s.signUp("alice@example.com");
        ApiClient.Response issued = alice.client().post("/api/events/ticket", null);
        assertThat(issued.status()).isEqualTo(201);
        String ticket = issued.text("ticket");
        assertThat(ticket).startsWith("tbt_");
        URI withTicket = s.server.uri().resolve("/api/events?ticket=" + ticket);
        try (SseClient a = SseClient.open(withTicket, Map.of())) {
            assertThat(a.status).isEqualTo(200);
            assertThat(a.next().type()).isEqualTo("ready");
            publish(alice, "order", Map.of("n", 1));
            assertThat(a.next().type()).isEqualTo("order");
        }
        SseClient reused = SseClient.open(withTicket, Map.of());
        assertThat(reused.status).as("a ticket works once").isEqualTo(401);
        assertThat(reused.contentType).startsWith("application/problem+json");

        String late = alice.client().post("/api/events/ticket", null).text("ticket");
        s.clock.advance(Duration.ofSeconds(61));
        assertThat(SseClient.open(s.server.uri().resolve("/api/events?ticket=" + late), Map.of()).status).isEqualTo(401);
        assertThat(SseClient.open(s.server.uri().resolve("/api/events?access_token=" + alice.accessToken()), Map.of()).status)
                .as("a token in the URL is not a credential").isEqualTo(401);
        assertThat(SseClient.open(s.server.uri().resolve("/api/events"), Map.of()).status).isEqualTo(401);
        assertThat(SseClient.open(s.server.uri().resolve("/api/events?ticket=tbt_forged"), Map.of()).status).isEqualTo(401);
        String stored = s.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stream_tickets WHERE ticket_hash = :t")
                .bind("t", ticket).mapTo(String.class).one());
        assertThat(stored).as("tickets are kept only as hashes").isEqualTo("0");
    }

    @Test
    void anApiKeyWithTheReadScopeMayStreamAndTheStreamEndsWhenItsCredentialDoes() throws Exception {
        TestServer.Session alice = s.signUp("alice@example.com");
        String key = alice.client().post("/api/keys", "{\"name\":\"stream\"}").text("key");
        try (SseClient viaKey = SseClient.open(s.server.uri().resolve("/api/events"), Map.of("X-API-Key", key))) {
            assertThat(viaKey.status).isEqualTo(200);
            assertThat(viaKey.next().type()).isEqualTo("ready");
        }
        try (SseClient a = connect(alice, null)) {
            assertThat(alice.client().post("/api/auth/logout", null).status()).isEqualTo(204);
            assertThat(a.endsSoon()).as("signing out ends the stream at the next heartbeat").isTrue();
        }
    }

    @Test
    void metricsCountClientsAndEventsAndTheDescriptionHasTheStream() {
        TestServer.Session alice = s.signUp("alice@example.com");
        try (SseClient a = connect(alice, null)) {
            publish(alice, "order", Map.of("n", 1));
            a.next();
            assertThat(metric("tradebook_stream_clients")).isEqualTo(1.0);
            assertThat(metric("tradebook_stream_events_sent_total")).isGreaterThanOrEqualTo(2.0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("tradebook_stream_clients") == 0.0);
        JsonNode doc = s.anonymous.get("/openapi.json").json();
        JsonNode op = doc.at("/paths/~1api~1events/get");
        assertThat(op.at("/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(op.get("description").asText()).contains("resync", "Last-Event-ID", "price", "ticket");
        assertThat(op.get("parameters").toString()).contains("\"ticket\"");
        assertThat(doc.at("/paths/~1api~1events~1ticket/post/responses/201").isMissingNode()).isFalse();
    }

    private double metric(String name) {
        for (String line : s.anonymous.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no metric " + name);
    }
}
