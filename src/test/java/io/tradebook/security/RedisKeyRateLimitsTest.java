package io.tradebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.http.MutableClock;
import io.tradebook.live.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API-key rate limits shared through a real Redis (the local one, or {@code TRADEBOOK_TEST_REDIS_URL}):
 * two limiters stand for two server processes.
 */
class RedisKeyRateLimitsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:30:00Z"));

    @Test
    void twoProcessesTakeFromOneBucketPerKey() {
        String installation = TestRedis.channel();
        UUID key = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (RedisKeyRateLimits first = open(installation); RedisKeyRateLimits second = open(installation)) {
            for (int i = 0; i < 6; i++) {
                assertThat((i % 2 == 0 ? first : second).take(key, 6)).as("request %d", i + 1).isZero();
            }
            // the bucket of six is empty, whichever process asks; one token comes back every 10 s
            assertThat(first.take(key, 6)).isEqualTo(Duration.ofSeconds(10));
            assertThat(second.take(key, 6)).isEqualTo(Duration.ofSeconds(10));
            assertThat(second.take(other, 6)).as("another key has its own bucket").isZero();
            clock.advance(Duration.ofSeconds(4));
            assertThat(second.take(key, 6)).isEqualTo(Duration.ofSeconds(6));
            clock.advance(Duration.ofSeconds(6));
            assertThat(first.take(key, 6)).isZero();
            assertThat(second.take(key, 6)).isEqualTo(Duration.ofSeconds(10));
            // a changed limit starts a fresh, full bucket
            assertThat(first.take(key, 2)).isZero();
            assertThat(second.take(key, 2)).isZero();
            assertThat(first.take(key, 2)).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void installationsOnOneRedisDoNotShareBuckets() {
        UUID key = UUID.randomUUID();
        try (RedisKeyRateLimits one = open(TestRedis.channel()); RedisKeyRateLimits two = open(TestRedis.channel())) {
            assertThat(one.take(key, 1)).isZero();
            assertThat(one.take(key, 1)).isPositive();
            assertThat(two.take(key, 1)).isZero();
        }
    }

    @Test
    void whenRedisStopsAnsweringEachProcessLimitsOnItsOwn() {
        UUID key = UUID.randomUUID();
        RedisKeyRateLimits limits = open(TestRedis.channel());
        limits.close(); // every later call fails: the process's own bucket answers
        assertThat(limits.take(key, 2)).isZero();
        assertThat(limits.take(key, 2)).isZero();
        assertThat(limits.take(key, 2)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRedisThatCannotBeReachedIsRefusedAtOnce() {
        assertThatThrownBy(() -> new RedisKeyRateLimits("redis://127.0.0.1:1", "x", Duration.ofMillis(200), clock))
                .isInstanceOf(RuntimeException.class);
    }

    private RedisKeyRateLimits open(String installation) {
        return new RedisKeyRateLimits(TestRedis.url().toString(), installation, Duration.ofMillis(500), clock);
    }
}
