package io.tradebook.security;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API-key rate limits shared by every server process through Redis: each key's token bucket is a
 * Redis hash (tokens, time of the last refill, capacity) that one Lua script refills and takes
 * from atomically, the same arithmetic as {@link io.tradebook.core.access.TokenBucket}. Times come
 * from the calling process's clock. When Redis does not answer within its timeout, the process's
 * own bucket of the key answers instead (the limit then holds per process, as without Redis), and
 * the switch is logged once each way. Thread-safe.
 */
public final class RedisKeyRateLimits extends KeyRateLimits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisKeyRateLimits.class);
    /** Refill, then take one token or say how many milliseconds until there is one. KEYS[1] the bucket; ARGV capacity, now, ms per token. */
    static final String TAKE = """
            local capacity = tonumber(ARGV[1])
            local now = tonumber(ARGV[2])
            local perToken = tonumber(ARGV[3])
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'capacity')
            local tokens = tonumber(b[1])
            local at = tonumber(b[2])
            if tokens == nil or at == nil or tonumber(b[3]) ~= capacity then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) / perToken)
              at = now
            end
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) * perToken)
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%d', at), 'capacity', capacity)
            redis.call('PEXPIRE', KEYS[1], 120000)
            return wait
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private final AtomicBoolean away = new AtomicBoolean();

    /**
     * Limits on the Redis at {@code url}, keys under {@code prefix} (a schema or installation name,
     * so that two installations on one Redis do not share buckets), each call waiting at most
     * {@code timeout} for Redis.
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached now
     */
    public RedisKeyRateLimits(String url, String prefix, Duration timeout, Clock clock) {
        super(clock);
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    @Override
    public Duration take(UUID keyId, int perMinute) {
        long now = clock().millis();
        try {
            Long wait = connection.sync().eval(TAKE, ScriptOutputType.INTEGER, new String[] {prefix + ":rate:" + keyId},
                    Integer.toString(perMinute), Long.toString(now), Double.toString(60_000.0 / perMinute));
            if (away.compareAndSet(true, false)) {
                LOG.info("API-key rate limits are shared through Redis again");
            }
            return Duration.ofMillis(wait == null ? 0 : wait);
        } catch (RuntimeException e) {
            if (away.compareAndSet(false, true)) {
                LOG.warn("Redis does not answer for API-key rate limits ({}); each process limits its own requests until it does", e.toString());
            }
            return local(keyId, perMinute);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown();
        }
    }
}
