package io.tradebook.trading;

import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.security.FieldProblem;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.LiveStrategyStore;
import io.tradebook.store.LiveStrategyStore.Replay;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.TradingNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Replays of stored bars ({@code market_replays}) for {@link LiveStrategies}: each pushes one
 * security's bars of one timeframe into the paper feed at its speed, on the "tradebook-replays"
 * thread, hands each bar to the live strategies and waits until they are done with it, and keeps
 * its progress so that a restarted server carries on. Thread-safe.
 */
final class Replays implements AutoCloseable {
    private static final BigDecimal MAX_SPEED = new BigDecimal("1000");
    private static final org.slf4j.Logger LOG = LiveStrategies.LOG;

    private final LiveStrategies owner;
    private final LiveStrategyStore store;
    private final PriceHistoryRepository history;
    private final LiveEvents live;
    private final TradingNode node;
    private final ScheduledExecutorService replayThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tradebook-replays");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, ReplayTask> replays = new ConcurrentHashMap<>();

    Replays(LiveStrategies owner, LiveStrategyStore store, PriceHistoryRepository history, LiveEvents live, TradingNode node) {
        this.owner = owner;
        this.node = node;
        this.store = store;
        this.history = history;
        this.live = live;
    }


    /** Starts replaying {@code symbol}'s stored bars of {@code timeframe} at {@code speed} bars per second; refuses naming the field. */
    Outcome<Replay> start(String symbol, String timeframe, BigDecimal speed, Instant from, Instant to, UUID by) {
        List<FieldProblem> problems = new ArrayList<>();
        Security security = null;
        if (symbol == null || symbol.isBlank()) {
            problems.add(new FieldProblem("symbol", "is required"));
        } else {
            SecurityCache.Lookup found = owner.securities.lookup(symbol.strip());
            if (!found.found()) {
                problems.add(new FieldProblem("symbol", "is not one active security"));
            } else {
                security = found.security();
            }
        }
        Timeframe tf = null;
        if (timeframe == null) {
            problems.add(new FieldProblem("timeframe", "is required: one of " + Timeframe.codes()));
        } else {
            try {
                tf = Timeframe.parse(timeframe.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("timeframe", "is one of " + Timeframe.codes() + ", not '" + timeframe + "'"));
            }
        }
        if (speed == null || speed.signum() <= 0 || speed.compareTo(MAX_SPEED) > 0) {
            problems.add(new FieldProblem("speed", "is the bars per second, above 0 and at most " + MAX_SPEED));
        } else if (speed.stripTrailingZeros().scale() > 6) {
            problems.add(new FieldProblem("speed", "has at most 6 decimals"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (problems.isEmpty() && history.series(security, tf, from, to).map(s -> s.bars() == 0).orElse(true)) {
            problems.add(new FieldProblem("symbol", "has no stored " + tf.code() + " bars" + (from == null && to == null ? "" : " in that period")));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        Replay r = store.createReplay(security.ticker(), tf.code(), speed.stripTrailingZeros(), from, to, by, node.name());
        launch(r);
        return Outcome.ok(r);
    }

    List<Replay> list() {
        return store.replays();
    }

    Optional<Replay> find(UUID id) {
        return store.findReplay(id);
    }

    /**
     * Cancels a running replay; false when there is no such replay. A finished one is returned
     * unchanged (true). One that another node runs is cancelled as stored and that node is
     * signalled to stop it.
     */
    boolean cancel(UUID id) {
        Optional<Replay> found = store.findReplay(id);
        if (found.isEmpty()) {
            return false;
        }
        stopHere(id);
        if (store.finishReplay(id, "CANCELLED") && found.get().runBy() != null && !found.get().runBy().equals(node.name())) {
            node.signalLive(id);
        }
        return true;
    }

    /** The replays this process pushes bars of. */
    java.util.Set<UUID> here() {
        return java.util.Set.copyOf(replays.keySet());
    }

    /** Stops pushing replay {@code id}'s bars in this process, if it does; what is stored stays as it is. */
    void stopHere(UUID id) {
        ReplayTask task = replays.remove(id);
        if (task != null) {
            task.cancel();
        }
    }

    void launch(Replay r) {
        Security security = owner.securities.lookup(r.symbol()).security();
        if (security == null) {
            throw new IllegalStateException("symbol " + r.symbol() + " is no longer one active security");
        }
        Timeframe tf = Timeframe.parse(r.timeframe());
        Instant from = r.replayedUntil() != null ? r.replayedUntil().plusMillis(1) : r.from();
        List<Bar> bars = history.range(security, tf, from, r.to());
        ReplayTask task = new ReplayTask(r, tf, bars);
        replays.put(r.id(), task);
        long period = Math.max(1, BigDecimal.valueOf(1_000_000_000L).divide(r.speed(), 0, RoundingMode.HALF_UP).longValue());
        task.future = replayThread.scheduleAtFixedRate(task, 0, period, TimeUnit.NANOSECONDS);
    }

    /** One replay's bars and how far it got; runs on the replay thread. */
    private final class ReplayTask implements Runnable {
        final Replay replay;
        final Timeframe timeframe;
        final List<Bar> bars;
        int next;
        long count;
        volatile ScheduledFuture<?> future;

        ReplayTask(Replay replay, Timeframe timeframe, List<Bar> bars) {
            this.replay = replay;
            this.timeframe = timeframe;
            this.bars = bars;
            this.count = replay.barsReplayed();
        }

        @Override
        public void run() {
            try {
                if (next >= bars.size()) {
                    replays.remove(replay.id());
                    store.finishReplay(replay.id(), "DONE");
                    cancel();
                    return;
                }
                Bar bar = bars.get(next++);
                owner.paper.feed().pushBar(bar);
                live.publish(LiveEventData.price(bar.symbol(), bar.close(), null, null, bar.time()));
                // the next bar waits until the strategies have seen this one: they decide on each bar, as in a backtest
                Future<?> seen = owner.bar(bar, timeframe);
                try {
                    seen.get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    LOG.warn("replay {}: the strategies did not finish with the bar at {}", replay.id(), bar.time());
                }
                count++;
                store.progress(replay.id(), bar.time(), count);
            } catch (RuntimeException e) {
                LOG.warn("replay {} failed; it stops", replay.id(), e);
                replays.remove(replay.id());
                try {
                    store.finishReplay(replay.id(), "CANCELLED");
                } catch (RuntimeException ignored) {
                    // the database may be closing
                }
                cancel();
            }
        }

        void cancel() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    @Override
    public void close() {
        replayThread.shutdownNow();
        try {
            replayThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
