package io.tradebook.store;

import io.tradebook.core.execution.ConcurrentChangeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writes that callers hand in are gathered, by writer threads, into one
 * transaction each, and every caller learns that its write is durable when that transaction has
 * committed. Many callers then share one commit and one batched statement per kind of row,
 * instead of paying a commit and a dozen round trips each.
 *
 * <p>Writes wait in one queue. The first writer takes whatever waits (up to a batch); another
 * writer helps only while more writes wait than {@code helpAt} per writer already busy. Each
 * batch costs PostgreSQL about the same whatever its size (a dozen statements and a flush of the
 * log), so writers taking turns on small batches cost more than one writer taking them all: with
 * 32 clients over HTTP, two writers taking turns used 2.0 ms of PostgreSQL's CPU per order, one
 * writer 0.8 ms; with hundreds of clients waiting, both writers keep busy. A writer never takes a
 * write of an account whose earlier write another writer is committing, so an account's writes
 * reach the database in the order they were handed in. When a transaction fails, its writes are tried
 * again one by one, each in a transaction of its own, so one bad write cannot sink the others.
 * The first write of an account that fails marks the account's {@link Owner} as failed:
 * every later write of that owner is refused without being tried, because it was computed from
 * a state that now differs from the database; the store then loads the account afresh.
 */
final class GroupCommitLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);

    /** Whoever holds the state a write was computed from: one account's state in memory. */
    interface Owner {
        UUID account();

        /** Called by a writer when one of the owner's writes failed; the owner must not be used again. */
        void failed(RuntimeException cause);

        boolean hasFailed();

        /**
         * The version of the account's row this write expects to find, counted on by one: called
         * under the account's lock, once per write, in the order the writes are handed in.
         */
        long takeVersion();
    }

    /** One change of one account: its rows, the account version it was computed from, and who waits for it. */
    private record Write(Owner owner, long expectedVersion, Consumer<RowBatch> rows, CompletableFuture<Void> done) {
        void addTo(RowBatch batch) {
            batch.accountVersion(owner.account(), expectedVersion);
            rows.accept(batch);
        }
    }

    /** Writes waiting per writer already busy before another writer helps; see the class comment. */
    static final int HELP_AT = 64;

    private final Jdbi jdbi;
    private final boolean postgres;
    private volatile PostgresBatchPlan plan;
    private final int maxBatch;
    private final int helpAt;
    private final List<Thread> writers = new ArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();
    /** One per writer: signalled when there may be work that writer takes. */
    private final Condition[] wake;
    /** Handed in, not yet taken by a writer, in the order handed in. Guarded by {@link #lock}. */
    private final ArrayDeque<Write> pending = new ArrayDeque<>();
    /** Accounts whose writes a writer is committing: no other writer takes their next ones meanwhile. Guarded by {@link #lock}. */
    private final Set<UUID> inFlight = new HashSet<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** Ids for new fills and journal entries, shared by the writers so that each account's come out ascending. */
    private final IdBlocks ids = new IdBlocks();
    /** Transactions each writer has run (batches taken). */
    private final AtomicLongArray batches;

    private final String node;

    GroupCommitLog(Jdbi jdbi, int writerCount, int maxBatch, String node) {
        this(jdbi, writerCount, maxBatch, HELP_AT, node);
    }

    /** As the other constructor; a writer beyond the first helps while more than {@code helpAt} writes wait per busy writer. */
    GroupCommitLog(Jdbi jdbi, int writerCount, int maxBatch, int helpAt, String node) {
        this.node = node;
        if (writerCount < 1 || maxBatch < 1 || helpAt < 1) {
            throw new IllegalArgumentException("writers, batch size and help threshold must be at least 1");
        }
        this.jdbi = jdbi;
        this.postgres = isPostgres(jdbi);
        this.maxBatch = maxBatch;
        this.helpAt = helpAt;
        this.wake = new Condition[writerCount];
        this.batches = new AtomicLongArray(writerCount);
        for (int i = 0; i < writerCount; i++) {
            wake[i] = lock.newCondition();
        }
        for (int i = 0; i < writerCount; i++) {
            int writer = i;
            Thread t = new Thread(() -> run(writer), "tradebook-group-commit-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    /**
     * Hands in the rows of one change of {@code owner}'s account; the future completes when they
     * are committed, or exceptionally with the reason they were not. Callers hand in an
     * account's changes in the order they made them (under the account's lock).
     */
    CompletableFuture<Void> append(Owner owner, Consumer<RowBatch> rows) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            pending.add(new Write(owner, owner.takeVersion(), rows, done));
            wakeWriters();
        } finally {
            lock.unlock();
        }
        return done;
    }

    /** How many batches writer {@code writer} (0 the first) has taken. */
    long batches(int writer) {
        return batches.get(writer);
    }

    /** Waits for {@code done}, rethrowing the reason a write failed as it was thrown. */
    static void await(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void run(int writer) {
        List<Write> batch = new ArrayList<>(Math.min(maxBatch, 1024));
        while (true) {
            lock.lock();
            try {
                while (!take(writer, batch)) {
                    if (closed && (writer > 0 || pending.isEmpty())) {
                        return;
                    }
                    wake[writer].awaitUninterruptibly();
                }
                wakeWriters(); // what this writer left may be enough for another
            } finally {
                lock.unlock();
            }
            batches.incrementAndGet(writer);
            try {
                commit(batch);
            } finally {
                lock.lock();
                try {
                    for (Write w : batch) {
                        inFlight.remove(w.owner().account());
                    }
                    wakeWriters(); // their accounts are free again
                } finally {
                    lock.unlock();
                }
                batch.clear();
            }
        }
    }

    /** Whether writer {@code writer} takes writes now: the first always, another while enough wait or once closed. Under the lock. */
    private boolean needed(int writer) {
        return writer == 0 || closed || pending.size() > writer * helpAt;
    }

    /** Wakes each writer that may take something now (see {@link #needed}). Under the lock. */
    private void wakeWriters() {
        for (int i = 0; i < wake.length && needed(i); i++) {
            wake[i].signal();
        }
    }

    /**
     * Moves to {@code batch} the waiting writes writer {@code writer} takes now, in the order
     * handed in, skipping those of accounts another writer is committing; false when it takes
     * none. A writer beyond the first takes only while it is needed, and when many wait, each
     * writer takes its share of them, so that the writers commit side by side (see the class
     * comment). Called under the lock.
     */
    private boolean take(int writer, List<Write> batch) {
        if (pending.isEmpty() || !needed(writer)) {
            return false;
        }
        int share = Math.min(maxBatch, Math.max(helpAt, (pending.size() + wake.length - 1) / wake.length));
        Set<UUID> mine = new HashSet<>();
        for (Iterator<Write> it = pending.iterator(); it.hasNext() && batch.size() < share; ) {
            Write w = it.next();
            UUID account = w.owner().account();
            if (mine.contains(account) || inFlight.add(account)) {
                mine.add(account);
                batch.add(w);
                it.remove();
            }
        }
        return !batch.isEmpty();
    }

    private void commit(List<Write> writes) {
        List<Write> live = new ArrayList<>(writes.size());
        for (Write w : writes) {
            if (w.owner().hasFailed()) {
                w.done().completeExceptionally(staleState(w.owner()));
            } else {
                live.add(w);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        try {
            RowBatch rows = new RowBatch(node);
            live.forEach(w -> w.addTo(rows));
            write(rows);
            live.forEach(w -> w.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (batchFailure instanceof ConcurrentChangeException) {
                LOG.debug("a group commit of {} writes met a change by another writer; writing them one by one", live.size());
            } else {
                LOG.warn("a group commit of {} writes failed ({}); writing them one by one", live.size(), batchFailure.toString());
            }
            for (Write w : live) {
                commitAlone(w);
            }
        }
    }

    private void commitAlone(Write w) {
        if (w.owner().hasFailed()) {
            w.done().completeExceptionally(staleState(w.owner()));
            return;
        }
        try {
            RowBatch rows = new RowBatch(node);
            w.addTo(rows);
            write(rows);
            w.done().complete(null);
        } catch (RuntimeException e) {
            if (e instanceof ConcurrentChangeException) {
                LOG.info("another writer changed account {}; its state will be loaded again from the database", w.owner().account());
            } else {
                LOG.error("a write of account {} failed; its state will be loaded again from the database", w.owner().account(), e);
            }
            w.owner().failed(e);
            w.done().completeExceptionally(e);
        }
    }

    /**
     * Writes {@code rows} in one transaction: on PostgreSQL as one multi-statement of array
     * inserts and updates (one round trip, see {@link PostgresBatchPlan}), elsewhere (the embedded
     * H2, where a statement costs no round trip) as one JDBC batch per table.
     */
    private void write(RowBatch rows) {
        if (!postgres) {
            jdbi.useTransaction(rows::writeTo);
            return;
        }
        jdbi.useTransaction(h -> {
            try {
                rows.writeArrays(h.getConnection(), plan(h.getConnection()), ids);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the group commit could not write its rows: " + e.getMessage(), e);
            }
        });
    }

    private static boolean isPostgres(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell which database the store writes to", e);
        }
    }

    private PostgresBatchPlan plan(java.sql.Connection c) throws java.sql.SQLException {
        PostgresBatchPlan p = plan;
        if (p == null) {
            synchronized (this) {
                p = plan;
                if (p == null) {
                    p = PostgresBatchPlan.of(c);
                    plan = p;
                }
            }
        }
        return p;
    }

    private static IllegalStateException staleState(Owner owner) {
        return new IllegalStateException("not written: an earlier write of account " + owner.account()
                + " failed, so this change was made on a state the database does not have; try again");
    }

    /** Writes what was handed in so far, then stops the writers. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wakeWriters(); // every writer, to write what waits or to stop
        } finally {
            lock.unlock();
        }
        for (Thread t : writers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
