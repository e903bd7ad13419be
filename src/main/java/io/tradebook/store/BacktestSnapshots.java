package io.tradebook.store;

import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.strategies.StrategyCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code tradebook backtest --save} and each finished API backtest: stores each strategy's metrics of a run as a BACKTEST
 * performance snapshot of its catalog strategy ({@code strategy_performance}, shown by the
 * {@code active_strategies_performance} view), registering the strategy in the {@code strategies}
 * table first if it is not there. The snapshot's period is the run's first and last bar; its time
 * is when it was saved. Stateless.
 */
public final class BacktestSnapshots {
    private BacktestSnapshots() {
    }

    /** Saves one snapshot per strategy of {@code result}; returns their ids in plan order. */
    public static List<UUID> save(Database database, StrategyCatalog catalog, BacktestResult result, Instant now) {
        StrategyCatalogRepository strategies = new StrategyCatalogRepository(database.jdbi());
        StrategyPerformanceRepository snapshots = new StrategyPerformanceRepository(database.jdbi());
        List<UUID> saved = new ArrayList<>();
        for (StrategyInstance s : result.plan().strategies()) {
            UUID strategy = strategies.register(catalog.find(s.code()).orElseThrow());
            saved.add(snapshots.save(StrategyPerformanceRepository.Snapshot.ofStrategy(strategy, StrategyPerformanceRepository.Source.BACKTEST,
                    now, result.start(), result.end(), result.strategy(s.name()).metrics())).id());
        }
        return saved;
    }
}
