package io.tradebook.store;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, the other 74
 * free bits random. Ids made close in time sort close together, so the B-tree indexes of the rows
 * written most (orders, their events and fills by order, holdings, round trips) take new keys at
 * their right edge instead of on a random page each: a write dirties the pages of recent rows,
 * which stay in the buffer cache, instead of one page anywhere in an index that outgrows it.
 * They identify rows and are no secret (every route checks who owns a row); the random bits come
 * from {@link ThreadLocalRandom}, so many threads make ids without waiting for one another
 * ({@link UUID#randomUUID} draws from one shared {@code SecureRandom}). Thread-safe.
 */
public final class TimeOrderedIds {
    private TimeOrderedIds() {
    }

    /** A new version 7 UUID of now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new version 7 UUID of {@code epochMillis}. */
    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL); // 48 bits of time, version 7, 12 random bits
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10, 62 random bits
        return new UUID(high, low);
    }
}
