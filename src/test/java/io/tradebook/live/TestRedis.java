package io.tradebook.live;

import java.net.URI;
import java.util.UUID;

/**
 * The Redis tests use: {@code TRADEBOOK_TEST_REDIS_URL}, else the local one at 127.0.0.1:6379
 * (scripts/ensure-services.sh starts it). Each test takes a channel of its own, so tests and other
 * users of the same Redis never hear each other.
 */
public final class TestRedis {
    private TestRedis() {
    }

    public static URI url() {
        String url = System.getenv("TRADEBOOK_TEST_REDIS_URL");
        return URI.create(url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url);
    }

    public static String channel() {
        return "tradebook-test:" + UUID.randomUUID();
    }
}
