package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the group-commit log shares its writes among its writers: an account's writes reach the
 * database in the order handed in, whichever writer takes them (each write expects the account's
 * row at the version the previous one left, so a write taken out of turn fails), and a writer
 * beyond the first helps only while enough writes wait.
 */
class GroupCommitLogTest {
    private TestOwner owner;
    private final List<String> accounts = new ArrayList<>();

    /** An account's writes, each expecting the version after the previous one's; handed in under the owner's lock. */
    private static final class Versions implements GroupCommitLog.Owner {
        private final UUID account;
        private long next;
        private volatile RuntimeException failure;

        Versions(String account) {
            this.account = UUID.fromString(account);
        }

        @Override
        public UUID account() {
            return account;
        }

        @Override
        public void failed(RuntimeException cause) {
            failure = cause;
        }

        @Override
        public boolean hasFailed() {
            return failure != null;
        }

        @Override
        public long takeVersion() {
            return next++;
        }
    }

    @BeforeEach
    void open() {
        owner = new TestOwner(TestDatabases.h2(), "log@example.com");
        for (int i = 0; i < 4; i++) {
            accounts.add(owner.openAccount("acct-" + i, "s"));
        }
    }

    @AfterEach
    void close() {
        owner.close();
    }

    /** Three threads per account hand in {@code each} writes apiece; returns every write's future. */
    private List<CompletableFuture<Void>> handIn(GroupCommitLog log, List<Versions> owners, int each) throws Exception {
        List<CompletableFuture<Void>> written = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(owners.size() * 3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < owners.size() * 3; t++) {
            Versions o = owners.get(t % owners.size());
            threads.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    synchronized (o) { // as the store hands an account's writes in under the account's lock
                        written.add(log.append(o, rows -> { }));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : threads) {
            f.get();
        }
        pool.shutdown();
        return written;
    }

    private long version(String account) {
        return owner.database.jdbi().withHandle(h -> h.createQuery("SELECT version FROM accounts WHERE id = :id")
                .bind("id", UUID.fromString(account)).mapTo(Long.class).one());
    }

    @Test
    void writersThatHelpEachOtherKeepEveryAccountsWritesInOrder() throws Exception {
        List<Versions> owners = accounts.stream().map(Versions::new).toList();
        List<CompletableFuture<Void>> written;
        try (GroupCommitLog log = new GroupCommitLog(owner.database.jdbi(), 3, 8, 1, null)) {
            written = handIn(log, owners, 60);
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
            assertThat(log.batches(1) + log.batches(2)).as("batches the helpers took").isPositive();
        }
        assertThat(written).hasSize(4 * 3 * 60).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        for (int i = 0; i < accounts.size(); i++) {
            assertThat(owners.get(i).hasFailed()).isFalse();
            assertThat(version(accounts.get(i))).isEqualTo(3 * 60);
        }
    }

    @Test
    void aSecondWriterStaysIdleWhileFewWritesWait() throws Exception {
        List<Versions> owners = accounts.stream().map(Versions::new).toList();
        try (GroupCommitLog log = new GroupCommitLog(owner.database.jdbi(), 2, 1000, 10_000, null)) {
            List<CompletableFuture<Void>> written = handIn(log, owners, 50);
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
            assertThat(log.batches(0)).isPositive();
            assertThat(log.batches(1)).isZero();
        }
        for (String a : accounts) {
            assertThat(version(a)).isEqualTo(3 * 50);
        }
    }

    @Test
    void closingWritesWhatWasHandedInFirst() throws Exception {
        Versions o = new Versions(accounts.get(0));
        List<CompletableFuture<Void>> written = new ArrayList<>();
        try (GroupCommitLog log = new GroupCommitLog(owner.database.jdbi(), 2, 4, 1, null)) {
            for (int i = 0; i < 25; i++) {
                written.add(log.append(o, rows -> { }));
            }
        }
        assertThat(written).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(version(accounts.get(0))).isEqualTo(25);
    }
}
