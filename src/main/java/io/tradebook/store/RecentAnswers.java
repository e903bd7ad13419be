package io.tradebook.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Recent positive answers of an access lookup that every request makes (whose session is this,
 * who owns this account, may this account trade), kept for a short {@link #LIFETIME} so that a
 * burst of requests costs one query instead of one each. An answer is used only while it is
 * younger than the lifetime and no {@link AccessChanges access change} was committed in this
 * process since it was read; absent answers (a refusal) are never kept. So a sign-out, a revoked
 * session, a deactivated user or account or a connection that may no longer trade takes effect at
 * once in the process that made the change, and within {@link #LIFETIME} in the others. Bounded:
 * past {@code maxEntries} it starts afresh. Thread-safe.
 *
 * @param <K> the key looked up
 * @param <V> the answer
 */
public final class RecentAnswers<K, V> {
    /** How long an answer is used at most. */
    public static final Duration LIFETIME = Duration.ofSeconds(2);

    private record Entry<V>(V value, long readAt, long changes) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final int maxEntries;

    public RecentAnswers(int maxEntries) {
        this(LIFETIME, maxEntries);
    }

    RecentAnswers(Duration lifetime, int maxEntries) {
        this.lifetimeNanos = lifetime.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The recent answer for {@code key}, else what {@code lookup} answers now (kept when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> lookup) {
        long now = System.nanoTime();
        long changes = AccessChanges.count();
        Entry<V> e = entries.get(key);
        if (e != null && e.changes() == changes && now - e.readAt() < lifetimeNanos) {
            return Optional.of(e.value());
        }
        Optional<V> answer = lookup.apply(key); // read after the count: a change committed meanwhile makes this entry stale
        if (answer.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(answer.get(), now, changes));
        } else if (e != null) {
            entries.remove(key, e);
        }
        return answer;
    }
}
