package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.live.LiveSettings;
import io.tradebook.live.WebhookSettings;
import io.tradebook.live.WebhookSignature;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notifications delivered to a user's webhook: signed, retried with backoff, never blocking, failures in the system log. */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final WebhookSettings QUICK = new WebhookSettings(3, Duration.ofMillis(20), Duration.ofSeconds(2), 100, true);
    private TestServer s;
    private WebhookReceiver receiver;

    private void start(WebhookSettings webhooks) throws Exception {
        s = new TestServer(TestDatabases.h2(), c -> c.withLive(LiveSettings.DEFAULT.withWebhooks(webhooks)));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (s != null) {
            s.close();
        }
    }

    private void setWebhookUrl(TestServer.Session user, String url) {
        s.database.jdbi().useHandle(h -> h.createUpdate("UPDATE users SET preferences = :p WHERE id = :id")
                .bind("p", "{\"webhookUrl\":\"" + url + "\"}").bind("id", UUID.fromString(user.userId())).execute());
    }

    private long storedNotification(TestServer.Session user) {
        return s.database.jdbi().withHandle(h -> h.createUpdate("INSERT INTO notifications (user_id, notification_type, alert_level, title, "
                        + "message) VALUES (:user, 'ORDER_FILLED', 'INFO', 'Filled', 'Bought 10 SPY')")
                .bind("user", UUID.fromString(user.userId())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private void notify(TestServer.Session user, long id) {
        s.server.context().liveEvents().publish(new LiveEvent(UUID.fromString(user.userId()), "notification",
                Map.of("id", id, "notificationType", "ORDER_FILLED", "title", "Filled", "quantity", new java.math.BigDecimal("10.5"),
                        "webhookUrl", receiver.url().toString()), T));
    }

    private java.util.List<String> webhookLog() {
        return new JdbiEventSink(s.database.jdbi()).logs(50).stream().filter(e -> e.component().equals("webhooks") && e.message().equals("webhook delivery failed"))
                .map(e -> e.message() + " " + e.details()).toList();
    }

    @Test
    void aNotificationIsPostedSignedWithTheUsersSecretAndMarkedDelivered() throws Exception {
        start(QUICK);
        TestServer.Session alice = s.signUp("alice@example.com");
        assertThat(alice.client().get("/api/me/webhook-secret").json().get("configured").asBoolean()).isFalse();
        ApiClient.Response created = alice.client().post("/api/me/webhook-secret", null);
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        setWebhookUrl(alice, receiver.url().toString());
        JsonNode state = alice.client().get("/api/me/webhook-secret").json();
        assertThat(state.get("configured").asBoolean()).isTrue();
        assertThat(state.toString()).doesNotContain(secret).contains(receiver.url().toString());
        String stored = s.database.jdbi().withHandle(h -> h.createQuery("SELECT webhook_secret_encrypted FROM users WHERE id = :id")
                .bind("id", UUID.fromString(alice.userId())).mapTo(String.class).one());
        assertThat(stored).as("kept encrypted").isNotBlank().doesNotContain(secret.substring(6));

        long id = storedNotification(alice);
        notify(alice, id);
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        WebhookReceiver.Received r = receiver.received.get(0);
        assertThat(WebhookSignature.verify(secret, r.body(), r.header("X-Tradebook-Signature"))).isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", r.body(), r.header("X-Tradebook-Signature"))).isFalse();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Tradebook-Delivery")).isNotBlank();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("type").asText()).isEqualTo("notification");
        assertThat(body.at("/data/id").asLong()).isEqualTo(id);
        assertThat(body.at("/data/quantity").asText()).isEqualTo("10.5");
        assertThat(body.at("/data").has("webhookUrl")).isFalse();
        await().atMost(WAIT).until(() -> s.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM notifications WHERE id = :id AND webhook_delivered_at IS NOT NULL").bind("id", id).mapTo(Integer.class).one()) == 1);

        String rotated = alice.client().post("/api/me/webhook-secret", null).text("secret");
        notify(alice, storedNotification(alice));
        await().atMost(WAIT).until(() -> receiver.received.size() == 2);
        WebhookReceiver.Received second = receiver.received.get(1);
        assertThat(WebhookSignature.verify(rotated, second.body(), second.header("X-Tradebook-Signature"))).isTrue();
        assertThat(WebhookSignature.verify(secret, second.body(), second.header("X-Tradebook-Signature"))).as("the old secret is gone").isFalse();
    }

    @Test
    void failuresAreRetriedWithBackoffUnderOneDeliveryIdAndTheLastOneIsLogged() throws Exception {
        start(QUICK);
        TestServer.Session alice = s.signUp("alice@example.com");
        alice.client().post("/api/me/webhook-secret", null);
        setWebhookUrl(alice, receiver.url().toString());
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() < 3 ? 503 : 200);
        notify(alice, storedNotification(alice));
        await().atMost(WAIT).until(() -> receiver.received.size() == 3);
        assertThat(receiver.received).extracting(r -> r.header("X-Tradebook-Attempt")).containsExactly("1", "2", "3");
        assertThat(receiver.received).extracting(r -> r.header("X-Tradebook-Delivery")).containsOnly(receiver.received.get(0)
                .header("X-Tradebook-Delivery"));
        assertThat(webhookLog()).isEmpty();

        receiver.answer(() -> 500);
        notify(alice, storedNotification(alice));
        await().atMost(WAIT).until(() -> !webhookLog().isEmpty());
        assertThat(receiver.received).hasSize(6).as("three tries, no more");
        assertThat(webhookLog().get(0)).contains("webhook delivery failed", "attempts=3", "answered 500", "host=127.0.0.1")
                .doesNotContain("/hook");

        receiver.answer(() -> 400);
        notify(alice, storedNotification(alice));
        await().atMost(WAIT).until(() -> webhookLog().size() == 2);
        assertThat(receiver.received).as("a 400 is final").hasSize(7);
    }

    @Test
    void aReceiverThatDoesNotAnswerNeverHoldsUpThePublisher() throws Exception {
        start(QUICK);
        TestServer.Session alice = s.signUp("alice@example.com");
        alice.client().post("/api/me/webhook-secret", null);
        setWebhookUrl(alice, receiver.url().toString());
        receiver.hold();
        long started = System.nanoTime();
        for (int n = 0; n < 20; n++) {
            notify(alice, storedNotification(alice));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        await().atMost(WAIT).until(() -> receiver.received.size() >= 2);
        receiver.release();
        await().atMost(WAIT).until(() -> receiver.received.size() >= 20 && s.server.context().live().webhooks().pending() == 0);
    }

    @Test
    void privateAddressesAndMissingSecretsAreRefusedAndLogged() throws Exception {
        start(new WebhookSettings(3, Duration.ofMillis(20), Duration.ofSeconds(2), 100, false));
        TestServer.Session alice = s.signUp("alice@example.com");
        setWebhookUrl(alice, receiver.url().toString());
        notify(alice, storedNotification(alice));
        await().atMost(WAIT).until(() -> webhookLog().size() == 1);
        assertThat(webhookLog().get(0)).contains("no webhook signing secret");
        alice.client().post("/api/me/webhook-secret", null);
        notify(alice, storedNotification(alice));
        await().atMost(WAIT).until(() -> webhookLog().size() == 2);
        assertThat(webhookLog().get(0)).contains("private address");
        assertThat(receiver.received).isEmpty();
        assertThat(alice.client().delete("/api/me/webhook-secret").status()).isEqualTo(204);
        assertThat(alice.client().delete("/api/me/webhook-secret").status()).isEqualTo(404);
    }
}
