package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.live.LiveSettings;
import io.tradebook.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream over a WebSocket: the same events as SSE, authenticated the same way. */
class EventSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    private TestServer s;

    @BeforeEach
    void start() {
        s = new TestServer(TestDatabases.h2(), c -> c.withLive(LiveSettings.DEFAULT.withStreams(EventStreamTest.SMALL)));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    /** Collects a socket's text messages and pings. */
    static final class Collector implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final AtomicInteger pings = new AtomicInteger();
        volatile int closedWith = -1;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            try {
                messages.add(JSON.readTree(data.toString()));
            } catch (java.io.IOException e) {
                throw new AssertionError(data.toString(), e);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            pings.incrementAndGet();
            socket.request(1);
            return WebSocket.Listener.super.onPing(socket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closedWith = statusCode;
            return null;
        }
    }

    private URI ws(String query) {
        return URI.create("ws://127.0.0.1:" + s.server.port() + EventSocket.PATH + query);
    }

    @Test
    void aSocketGetsItsUsersAndThePublicEventsOnlyWithPings() throws Exception {
        TestServer.Session alice = s.signUp("alice@example.com");
        TestServer.Session bob = s.signUp("bob@example.com");
        Collector got = new Collector();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + alice.accessToken())
                .buildAsync(ws(""), got).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !got.messages.isEmpty());
        assertThat(got.messages.get(0).get("type").asText()).isEqualTo("ready");
        s.server.context().liveEvents().publish(new LiveEvent(UUID.fromString(bob.userId()), "order", Map.of("who", "bob"), T));
        s.server.context().liveEvents().publish(new LiveEvent(UUID.fromString(alice.userId()), "order", Map.of("who", "alice"), T));
        s.server.context().liveEvents().publish(new LiveEvent(null, "price", Map.of("symbol", "SPY", "price", new java.math.BigDecimal("1.50")), T));
        await().atMost(Duration.ofSeconds(10)).until(() -> got.messages.size() == 3);
        assertThat(got.messages.get(1).at("/data/who").asText()).isEqualTo("alice");
        assertThat(got.messages.get(1).get("id").asText()).contains("-");
        assertThat(got.messages.get(2).at("/data/price").asText()).isEqualTo("1.50");
        assertThat(got.messages.toString()).doesNotContain("bob");
        await().atMost(Duration.ofSeconds(10)).until(() -> got.pings.get() >= 1);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.server.context().live().streams().clients() == 0);
    }

    @Test
    void aBrowserOpensItWithATicketAndAnUnauthenticatedUpgradeIsRefused() throws Exception {
        TestServer.Session alice = s.signUp("alice@example.com");
        String ticket = alice.client().post("/api/events/ticket", null).text("ticket");
        Collector got = new Collector();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws("?ticket=" + ticket), got).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !got.messages.isEmpty());
        assertThat(got.messages.get(0).get("type").asText()).isEqualTo("ready");

        Throwable reused = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws("?ticket=" + ticket),
                new Collector()).get(10, TimeUnit.SECONDS));
        assertThat(reused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) reused.getCause()).getResponse().statusCode()).isEqualTo(401);
        Throwable anonymous = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws(""),
                new Collector()).get(10, TimeUnit.SECONDS));
        assertThat(((WebSocketHandshakeException) anonymous.getCause()).getResponse().statusCode()).isEqualTo(401);
    }
}
