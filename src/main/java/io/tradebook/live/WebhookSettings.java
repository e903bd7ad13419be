package io.tradebook.live;

import java.time.Duration;

/**
 * How notifications are delivered to webhooks. Immutable.
 *
 * @param attempts              tries per delivery, the first included (at least 1)
 * @param firstRetry            the wait before the first retry; each later wait doubles it
 * @param timeout               how long one try may take
 * @param queueCapacity         deliveries waiting at most; past it new ones are dropped (and logged)
 * @param allowPrivateAddresses whether a webhook may point at a loopback, private or link-local
 *                              address (off by default: a user must not make the server call into
 *                              its own network)
 */
public record WebhookSettings(int attempts, Duration firstRetry, Duration timeout, int queueCapacity, boolean allowPrivateAddresses) {
    public static final WebhookSettings DEFAULT = new WebhookSettings(5, Duration.ofSeconds(2), Duration.ofSeconds(10), 10_000, false);

    public WebhookSettings {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("webhook attempts must be within 1…20: " + attempts);
        }
        if (firstRetry.isNegative() || timeout.isNegative() || timeout.isZero() || queueCapacity < 1) {
            throw new IllegalArgumentException("webhook waits must not be negative, the timeout and queue must be positive");
        }
    }

    /** The wait before try {@code attempt} (2, 3, …): the first retry's wait, doubled for each try after it. */
    public Duration waitBefore(int attempt) {
        return firstRetry.multipliedBy(1L << Math.min(attempt - 2, 20));
    }
}
