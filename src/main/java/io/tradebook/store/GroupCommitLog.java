package io.tradebook.store;

import io.tradebook.core.execution.ConcurrentChangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <p>An account's writes always go to the same writer (by the account's id), so they reach the
 * database in the order they were handed in. When a transaction fails, its writes are tried
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

    private static final Write STOP = new Write(null, 0, null, null);

    private final Jdbi jdbi;
    private final boolean postgres;
    private volatile PostgresBatchPlan plan;
    private final int maxBatch;
    private final List<BlockingQueue<Write>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    private final String node;

    GroupCommitLog(Jdbi jdbi, int writerCount, int maxBatch, String node) {
        this.node = node;
        if (writerCount < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and batch size must be at least 1");
        }
        this.jdbi = jdbi;
        this.postgres = isPostgres(jdbi);
        this.maxBatch = maxBatch;
        for (int i = 0; i < writerCount; i++) {
            BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            Thread t = new Thread(() -> run(queue), "tradebook-group-commit-" + i);
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
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queues.get(Math.floorMod(owner.account().hashCode(), queues.size())).add(new Write(owner, owner.takeVersion(), rows, done));
        return done;
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

    private void run(BlockingQueue<Write> queue) {
        IdBlocks ids = new IdBlocks();
        List<Write> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch, ids);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void commit(List<Write> writes, IdBlocks ids) {
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
            write(rows, ids);
            live.forEach(w -> w.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (batchFailure instanceof ConcurrentChangeException) {
                LOG.debug("a group commit of {} writes met a change by another writer; writing them one by one", live.size());
            } else {
                LOG.warn("a group commit of {} writes failed ({}); writing them one by one", live.size(), batchFailure.toString());
            }
            for (Write w : live) {
                commitAlone(w, ids);
            }
        }
    }

    private void commitAlone(Write w, IdBlocks ids) {
        if (w.owner().hasFailed()) {
            w.done().completeExceptionally(staleState(w.owner()));
            return;
        }
        try {
            RowBatch rows = new RowBatch(node);
            w.addTo(rows);
            write(rows, ids);
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
    private void write(RowBatch rows, IdBlocks ids) {
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
        closed = true;
        queues.forEach(q -> q.add(STOP));
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
