package io.tradebook.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A count, for this process, of the committed changes that can take access away or change what it
 * allows: a session revoked or rotated, a user changed by an administrator (role, subscription,
 * active), a user deleted, an account deactivated, a broker connection saved or deactivated, a user's webhook URL or
 * signing secret set. The repositories that
 * make those changes count them after they commit. {@link RecentAnswers} drops every answer it
 * read before the latest such change, so within a process such a change takes effect at once, as
 * if nothing were cached; a change made by another process takes effect here when the answer
 * expires (see {@link RecentAnswers#LIFETIME}). Thread-safe.
 */
public final class AccessChanges {
    private static final AtomicLong COUNT = new AtomicLong();

    private AccessChanges() {
    }

    /** How many such changes this process has committed so far. */
    public static long count() {
        return COUNT.get();
    }

    /** Counts one; call after the change has committed. */
    static void changed() {
        COUNT.incrementAndGet();
    }
}
