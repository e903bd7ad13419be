package io.tradebook.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last events of one stream (one user's, or the public one), kept so that a client that
 * reconnects with {@code Last-Event-ID} gets what it missed. Bounded: past its capacity the oldest
 * entry is evicted, and the buffer remembers the highest sequence number it evicted, so a resume
 * from before that point is known to have missed events. Not thread-safe: {@link EventStreams}
 * guards it.
 */
final class ReplayBuffer {
    /** One buffered event: its sequence number, its rendered frame and when it was buffered. */
    record Entry(long sequence, byte[] frame, Instant time) {
    }

    private final int capacity;
    private final long startSequence;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long evictedUpTo;
    private Instant idleSince;

    /** A buffer that records events after sequence number {@code startSequence}. */
    ReplayBuffer(int capacity, long startSequence, Instant now) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a replay buffer holds at least one event: " + capacity);
        }
        this.capacity = capacity;
        this.startSequence = startSequence;
        this.evictedUpTo = startSequence;
        this.idleSince = now;
    }

    void add(long sequence, byte[] frame, Instant now) {
        if (entries.size() == capacity) {
            evictedUpTo = entries.removeFirst().sequence();
        }
        entries.addLast(new Entry(sequence, frame, now));
    }

    /**
     * True when every event of this stream after sequence {@code after} is still here: the buffer
     * started recording at or before it and has evicted nothing after it.
     */
    boolean holdsEverythingAfter(long after) {
        return after >= startSequence && after >= evictedUpTo;
    }

    /** The buffered entries after sequence {@code after}, oldest first. */
    List<Entry> after(long after) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.sequence() > after) {
                found.add(e);
            }
        }
        return found;
    }

    /** Drops the entries buffered before {@code cutoff}; returns how many. */
    int evictBefore(Instant cutoff) {
        int evicted = 0;
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.time().isBefore(cutoff)) {
                break;
            }
            evictedUpTo = e.sequence();
            it.remove();
            evicted++;
        }
        return evicted;
    }

    int size() {
        return entries.size();
    }

    /** Since when no client of this stream has been connected; null while one is. */
    Instant idleSince() {
        return idleSince;
    }

    void markIdle(Instant since) {
        this.idleSince = since;
    }
}
