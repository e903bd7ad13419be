package io.tradebook.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LogLevel;
import io.tradebook.security.WebhookSecrets;
import io.tradebook.store.WebhookRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each {@code notification} live event published in this process to its user's webhook:
 * a JSON POST {@code {deliveryId, type, time, data}} signed with the user's secret
 * ({@link WebhookSignature}), with {@code X-Tradebook-Delivery} (the same id on every try, for the
 * receiver to drop repeats) and {@code X-Tradebook-Attempt}.
 *
 * <p>Never blocks the publisher: a delivery is queued (at most {@link WebhookSettings#queueCapacity()};
 * past that it is dropped and logged) and sent by two threads of its own. A try that fails with a
 * network error, a timeout, 408, 429 or a 5xx is retried after a wait that doubles, up to
 * {@link WebhookSettings#attempts()} tries; other answers are final. A delivery that finally fails,
 * or cannot be made (no secret, a URL that is not http(s), or a private address when those are not
 * allowed), is written to the system log with the host only, never the full URL or the secret. A
 * delivered notification with an {@code id} gets its {@code webhook_delivered_at}. Only events
 * published in this process are delivered here, so with several processes each is delivered once.
 * Thread-safe; close it to stop (queued deliveries are abandoned).
 */
public final class WebhookDelivery implements Consumer<LiveEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    /** The live event type delivered. */
    public static final String TYPE = "notification";

    private final WebhookSecrets secrets;
    private final WebhookRepository webhooks;
    private final AuditTrail audit;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService senders;
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter delivered;
    private final Counter failed;

    public WebhookDelivery(WebhookSecrets secrets, WebhookRepository webhooks, AuditTrail audit, WebhookSettings settings, MeterRegistry metrics,
                           Clock clock) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.senders = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "tradebook-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.delivered = Counter.builder("tradebook.webhooks.delivered").description("Notifications delivered to webhooks").register(metrics);
        this.failed = Counter.builder("tradebook.webhooks.failed").description("Notifications that could not be delivered to webhooks")
                .register(metrics);
    }

    /** One delivery: what to send to whom, and how many tries it has had. */
    private record Delivery(UUID deliveryId, UUID userId, LiveEvent event, Object notificationId) {
    }

    @Override
    public void accept(LiveEvent event) {
        if (!TYPE.equals(event.type()) || event.userId() == null) {
            return;
        }
        if (pending.incrementAndGet() > settings.queueCapacity()) {
            pending.decrementAndGet();
            failed.increment();
            senders.execute(() -> fail(event.userId(), event.data().get("id"), null, 0, "the delivery queue is full"));
            return;
        }
        Delivery d = new Delivery(UUID.randomUUID(), event.userId(), event, event.data().get("id"));
        senders.execute(() -> attempt(d, 1));
    }

    private void attempt(Delivery d, int attempt) {
        boolean done = true;
        String host = null;
        try {
            Optional<WebhookSecrets.Target> target = secrets.target(d.userId());
            if (target.isEmpty()) {
                if (secrets.url(d.userId()).isPresent()) {
                    fail(d.userId(), d.notificationId(), null, 0, "no webhook signing secret; create one with POST /api/me/webhook-secret");
                }
                return;
            }
            URI uri = checked(target.get().url());
            host = uri.getHost();
            byte[] body = body(d);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "Tradebook-Webhooks")
                    .header("X-Tradebook-Delivery", d.deliveryId().toString()).header("X-Tradebook-Attempt", Integer.toString(attempt))
                    .header(WebhookSignature.HEADER, WebhookSignature.of(target.get().secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            String problem;
            boolean retry;
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    delivered.increment();
                    markDelivered(d);
                    return;
                }
                problem = "the webhook answered " + status;
                retry = status == 408 || status == 429 || status >= 500;
            } catch (IOException e) {
                problem = "the webhook could not be reached: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
                retry = true;
            }
            if (retry && attempt < settings.attempts()) {
                done = false;
                long wait = settings.waitBefore(attempt + 1).toMillis();
                senders.schedule(() -> attempt(d, attempt + 1), wait, TimeUnit.MILLISECONDS);
                return;
            }
            fail(d.userId(), d.notificationId(), host, attempt, problem);
        } catch (IllegalArgumentException refused) {
            fail(d.userId(), d.notificationId(), host, attempt, refused.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("webhook delivery {} failed unexpectedly", d.deliveryId(), e);
            fail(d.userId(), d.notificationId(), host, attempt, "internal error: " + e.getClass().getSimpleName());
        } finally {
            if (done) {
                pending.decrementAndGet();
            }
        }
    }

    private void markDelivered(Delivery d) {
        Object id = d.notificationId();
        if (id == null) {
            return;
        }
        try {
            webhooks.markDelivered(Long.parseLong(id.toString()), d.userId(), clock.instant());
        } catch (NumberFormatException notStored) {
            // a notification that is not a stored row: nothing to stamp
        }
    }

    private byte[] body(Delivery d) {
        Map<String, Object> data = new LinkedHashMap<>(d.event().data());
        data.remove(WebhookRepository.URL_PREFERENCE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", d.deliveryId().toString());
        body.put("type", d.event().type());
        body.put("time", d.event().time());
        body.put("data", data);
        return LiveEventJson.write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code url} if it is an absolute http(s) URL allowed by the settings; else refuses with why. */
    URI checked(String url) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook URL is not a URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the webhook URL must be an http or https URL with a host");
        }
        if (!settings.allowPrivateAddresses()) {
            try {
                for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                            || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                        throw new IllegalArgumentException("the webhook host " + uri.getHost() + " is a private address, which is not allowed");
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("the webhook host " + uri.getHost() + " is unknown");
            }
        }
        return uri;
    }

    private void fail(UUID userId, Object notificationId, String host, int attempts, String why) {
        failed.increment();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("notificationId", String.valueOf(notificationId));
        details.put("host", String.valueOf(host));
        details.put("attempts", Integer.toString(attempts));
        details.put("error", why);
        try {
            audit.record(LogLevel.WARNING, "webhooks", "webhook delivery failed", userId, details);
        } catch (RuntimeException e) {
            LOG.error("could not log a failed webhook delivery for user {}: {}", userId, why, e);
        }
    }

    /** Deliveries queued or being tried. */
    public int pending() {
        return pending.get();
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
