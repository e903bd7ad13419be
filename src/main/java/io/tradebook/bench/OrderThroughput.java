package io.tradebook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an {@link OrderWorkload} on some threads for a number of orders and measures orders per second. */
public final class OrderThroughput {
    private OrderThroughput() {
    }

    /** Submits {@code orders} orders spread over the workload's lanes by {@code threads} threads; returns orders per second. */
    public static double measure(OrderWorkload workload, int threads, int orders) throws Exception {
        if (workload.lanes() % threads != 0) {
            throw new IllegalArgumentException("lanes must be a multiple of threads");
        }
        int lanesPerThread = workload.lanes() / threads;
        int perThread = orders / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * lanesPerThread;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    workload.next(first + i % lanesPerThread);
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - began;
        pool.shutdown();
        return (double) perThread * threads / (elapsed / 1e9);
    }
}
