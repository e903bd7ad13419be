package io.tradebook.research;

import io.tradebook.core.backtest.Backtest;
import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.report.BacktestJson;
import io.tradebook.report.BacktestReport;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.BacktestRunRepository;
import io.tradebook.store.BacktestRunRepository.RunRow;
import io.tradebook.store.BacktestSnapshots;
import io.tradebook.store.Database;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.SecurityRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests submitted through the API, run in the background on a bounded pool: a request is
 * checked ({@link BacktestPlanner}) and stored QUEUED, runs when a worker is free, reports its
 * progress to the database, and stores its result JSON (as {@code tradebook backtest --json}), its
 * HTML report and a BACKTEST performance snapshot per strategy when done. A user has at most
 * {@code perUser} runs queued or running at once (counted in the database, so across server
 * processes), and the pool's queue holds at most {@code queueCapacity}; beyond either, a
 * submission is refused as too many. A cancel stops a run at its next progress report. The
 * process renews the heartbeat of the runs it holds every {@link #HEARTBEAT}; a run whose
 * heartbeat is older than {@link #STALE} (its process stopped) is marked FAILED by the next
 * process that starts, submits or sweeps, so several server processes can share one database.
 * Thread-safe.
 */
public final class BacktestRuns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestRuns.class);
    private static final double PROGRESS_STEP = 0.02;
    /** How often the runs this process holds are marked alive. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** How long without a heartbeat before a run is taken for abandoned. */
    public static final Duration STALE = Duration.ofSeconds(60);
    private static final String ABANDONED = "the server stopped before the run finished; submit it again";

    /** Thrown from the progress callback to stop a cancelled run. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final Database database;
    private final BacktestRunRepository runs;
    private final BacktestPlanner planner;
    private final StrategyCatalog catalog;
    private final Clock clock;
    private final int perUser;
    private final ThreadPoolExecutor pool;
    private final Map<UUID, AtomicBoolean> cancels = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private final java.util.concurrent.ScheduledExecutorService heartbeats;

    public BacktestRuns(Database database, StrategyCatalog catalog, Clock clock, int threads, int queueCapacity, int perUser) {
        this.database = database;
        this.runs = new BacktestRunRepository(database.jdbi());
        this.planner = new BacktestPlanner(catalog, new SecurityRepository(database.jdbi()), new PriceHistoryRepository(database.jdbi()));
        this.catalog = catalog;
        this.clock = clock;
        this.perUser = perUser;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "backtest-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        sweep();
        this.heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backtest-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            runs.heartbeat(cancels.keySet(), clock.instant());
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("backtest heartbeat failed", e);
        }
    }

    /** Marks FAILED the runs no process has held for {@link #STALE}. */
    private void sweep() {
        int stale = runs.failStale(clock.instant().minus(STALE), ABANDONED, clock.instant());
        if (stale > 0) {
            LOG.info("{} backtest run(s) left unfinished by a stopped server marked FAILED", stale);
        }
    }

    /** The defaults: one worker per two cores (at least one), 32 waiting, 2 per user. */
    public static BacktestRuns start(Database database, StrategyCatalog catalog, Clock clock) {
        return new BacktestRuns(database, catalog, clock, Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 32, 2);
    }

    /** Checks {@code request} and queues it for {@code userId}; {@code requestJson} is what is stored as asked. */
    public Outcome<RunRow> submit(UUID userId, BacktestRequest request, String requestJson) {
        sweep();
        if (runs.unfinished(userId) >= perUser) {
            return Outcome.refused(Refusal.tooMany("you have " + perUser + " backtests queued or running; wait for one to finish "
                    + "or cancel one", Duration.ofSeconds(5)));
        }
        Outcome<BacktestPlanner.Planned> planned = planner.plan(request);
        if (!planned.isOk()) {
            return Outcome.refused(planned.refusal());
        }
        RunRow row = runs.create(userId, requestJson, clock.instant());
        AtomicBoolean cancel = new AtomicBoolean();
        cancels.put(row.id(), cancel);
        try {
            pool.execute(() -> run(row.id(), planned.value(), cancel));
        } catch (RejectedExecutionException e) {
            cancels.remove(row.id());
            runs.failed(row.id(), "the server is busy with other backtests", clock.instant());
            return Outcome.refused(Refusal.tooMany("the server has too many backtests waiting; try again later", Duration.ofSeconds(30)));
        }
        return Outcome.ok(row);
    }

    private void run(UUID id, BacktestPlanner.Planned planned, AtomicBoolean cancel) {
        try {
            if (cancel.get() || !runs.start(id, clock.instant())) {
                return;
            }
            double[] reported = {0};
            BacktestResult result = Backtest.run(planned.plan(), (bars, total) -> {
                if (cancel.get()) {
                    throw new Cancelled();
                }
                double fraction = total == 0 ? 1 : (double) bars / total;
                if (fraction - reported[0] >= PROGRESS_STEP && fraction < 1) {
                    reported[0] = fraction;
                    runs.progress(id, fraction);
                }
            });
            if (!result.bookDifferences().isEmpty()) {
                runs.failed(id, "the books of the run differ from their journal: " + result.bookDifferences().get(0), clock.instant());
                return;
            }
            String json = write(w -> BacktestJson.write(result, planned.info(), w));
            String summary = write(w -> BacktestJson.summary(result, w));
            String report = BacktestReport.html(result, planned.info());
            if (runs.done(id, summary, json, report, clock.instant())) {
                BacktestSnapshots.save(database, catalog, result, clock.instant());
            }
        } catch (Cancelled e) {
            if (closing) {
                runs.failed(id, ABANDONED, clock.instant());
            } else {
                runs.cancel(id, clock.instant());
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("backtest run {} failed", id, e);
            runs.failed(id, "the run failed: " + e, clock.instant());
        } finally {
            cancels.remove(id);
        }
    }

    public Optional<RunRow> find(UUID id) {
        return runs.find(id);
    }

    public java.util.List<RunRow> list(UUID userId, int limit) {
        return runs.list(userId, limit);
    }

    public Optional<String> result(UUID id) {
        return runs.result(id);
    }

    public Optional<String> report(UUID id) {
        return runs.report(id);
    }

    /** Cancels a queued or running run; refused as a conflict when it has finished. */
    public Outcome<RunRow> cancel(UUID id) {
        AtomicBoolean flag = cancels.get(id);
        if (flag != null) {
            flag.set(true);
        }
        RunRow before = runs.find(id).orElse(null);
        if (before == null) {
            return Outcome.refused(Refusal.notFound("no backtest run " + id));
        }
        if (before.status().finished()) {
            return Outcome.refused(Refusal.conflict("status", "the run has finished (" + before.status() + "); there is nothing to cancel"));
        }
        runs.cancel(id, clock.instant());
        return Outcome.ok(runs.find(id).orElseThrow());
    }

    /** Stops the workers; a running run is marked FAILED, queued ones once their heartbeat is stale. */
    @Override
    public void close() {
        closing = true;
        heartbeats.shutdownNow();
        cancels.values().forEach(c -> c.set(true));
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Writing {
        void to(StringWriter w) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter w = new StringWriter();
        try {
            writing.to(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
