package io.tradebook.store;

import static io.tradebook.core.analytics.AnalyticsFixtures.daily;
import static io.tradebook.core.analytics.AnalyticsFixtures.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.analytics.Exposure;
import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.store.StrategyPerformanceRepository.Snapshot;
import io.tradebook.store.StrategyPerformanceRepository.Source;
import io.tradebook.store.TradingSessionRepository.Session;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Performance snapshots and trading sessions on a real database, and the two seed-003 views they
 * feed: {@code active_strategies_performance} and {@code account_performance}.
 */
abstract class PerformanceRepositoriesContract {
    private static final Instant T0 = Instant.parse("2024-03-01T21:00:00Z");
    private Database database;
    private StrategyPerformanceRepository snapshots;
    private TradingSessionRepository sessions;
    private UUID account;
    private UUID otherAccount;
    private UUID strategy;
    private UUID activation;

    /** The worked example of PerformanceSummaryTest: +10%, −10%, +10%, +10%; three trades (+12, −3, +6). */
    private static final PerformanceSummary EXAMPLE = PerformanceSummary.of("sma-cross", daily("100", "110", "99", "108.9", "119.79"),
            List.of(trip("12"), trip("-3"), trip("6")), new Exposure(3, 5), MetricSettings.daily());

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        snapshots = new StrategyPerformanceRepository(database.jdbi());
        sessions = new TradingSessionRepository(database.jdbi());
        AccountRepository accounts = new AccountRepository(database.jdbi());
        UUID user = accounts.findOrCreateUser("perf@example.com", "Performance");
        account = accounts.openAccount(user, "main", "paper", "PAPER-7", "MARGIN", "USD").id();
        otherAccount = accounts.openAccount(user, "other", "paper", "PAPER-8", "MARGIN", "USD").id();
        strategy = catalogStrategy("sma-cross", true);
        activation = accounts.activate(account, "sma fast", strategy).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID catalogStrategy(String code, boolean active) {
        UUID id = UUID.randomUUID();
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO strategies (id, code, name, is_active) VALUES (:id, :code, :name, :active)")
                .bind("id", id).bind("code", code).bind("name", "Strategy " + code).bind("active", active).execute());
        return id;
    }

    @Test
    void anActivationsSnapshotsComeBackAsSavedWithTheirMetrics() {
        Snapshot first = Snapshot.ofActivation(account, activation, Source.LIVE, T0, T0.minusSeconds(86_400 * 4), T0, EXAMPLE.metrics());
        Snapshot saved = snapshots.save(first);

        assertThat(saved.strategyId()).as("the activation's catalog strategy").isEqualTo(strategy);
        assertThat(saved.totalReturn()).isEqualTo(new BigDecimal("0.1979"));
        assertThat(saved.cagr()).isEqualTo(new BigDecimal("87194.80462"));
        assertThat(saved.volatility()).isEqualTo(new BigDecimal("1.587450787"));
        assertThat(saved.sharpe()).isEqualTo(new BigDecimal("7.937253933"));
        assertThat(saved.sortino()).isEqualTo(new BigDecimal("15.87450787"));
        assertThat(saved.maxDrawdown()).isEqualTo(new BigDecimal("0.1"));
        assertThat(saved.calmar()).isEqualTo(new BigDecimal("871948.0462"));
        assertThat(saved.winRate()).isEqualTo(new BigDecimal("0.6666666667"));
        assertThat(saved.profitFactor()).isEqualTo(new BigDecimal("6"));
        assertThat(saved.tradesCount()).isEqualTo(3);
        assertThat(saved.exposure()).isEqualTo(new BigDecimal("0.6"));
        assertThat(saved.periodStart()).isEqualTo(T0.minusSeconds(86_400 * 4));
        assertThat(saved).isEqualTo(new Snapshot(first.id(), strategy, account, activation, Source.LIVE, T0, first.periodStart(), T0,
                first.totalReturn(), first.cagr(), first.volatility(), first.sharpe(), first.sortino(), first.maxDrawdown(), first.calmar(),
                first.winRate(), first.profitFactor(), 3, first.exposure()));

        Snapshot later = snapshots.save(Snapshot.ofActivation(account, activation, Source.LIVE, T0.plusSeconds(3600), T0, T0.plusSeconds(3600),
                EXAMPLE.metrics()));
        assertThat(snapshots.listForActivation(activation)).containsExactly(saved, later);
        assertThat(snapshots.latestForActivation(activation)).contains(later);
        assertThat(snapshots.listForStrategy(strategy)).as("activation snapshots are not the catalog's").isEmpty();
        assertThat(snapshots.latestForActivation(UUID.randomUUID())).isEmpty();
    }

    @Test
    void catalogSnapshotsFeedActiveStrategiesPerformance() {
        PerformanceSummary noLoss = PerformanceSummary.of("buy-and-hold", daily("100", "101", "103"), List.of(trip("3")),
                new Exposure(3, 3), MetricSettings.daily());
        snapshots.save(Snapshot.ofStrategy(strategy, Source.BACKTEST, T0, T0.minusSeconds(86_400 * 4), T0, EXAMPLE.metrics()));
        Snapshot latest = snapshots.save(Snapshot.ofStrategy(strategy, Source.BACKTEST, T0.plusSeconds(60), T0, T0, noLoss.metrics()));
        snapshots.save(Snapshot.ofActivation(account, activation, Source.LIVE, T0.plusSeconds(120), T0, T0, EXAMPLE.metrics()));
        UUID retired = catalogStrategy("retired", false);
        snapshots.save(Snapshot.ofStrategy(retired, Source.BACKTEST, T0, T0, T0, EXAMPLE.metrics()));

        assertThat(snapshots.latestForStrategy(strategy)).contains(latest);
        assertThat(latest.profitFactor()).as("infinite: no losing trade").isNull();
        assertThat(latest.winRate()).isEqualTo(new BigDecimal("1"));

        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT id, code, win_rate, profit_factor, sharpe_ratio, trades_count, max_drawdown, total_return, source "
                        + "FROM active_strategies_performance WHERE id IN (:a, :b)").bind("a", strategy).bind("b", retired).mapToMap().list());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("sma-cross");
            assertThat((BigDecimal) row.get("win_rate")).isEqualByComparingTo("1");
            assertThat(row.get("profit_factor")).isNull();
            assertThat((BigDecimal) row.get("total_return")).isEqualByComparingTo("0.03");
            assertThat((BigDecimal) row.get("max_drawdown")).isEqualByComparingTo("0");
            assertThat(((Number) row.get("trades_count")).intValue()).isEqualTo(1);
            assertThat(row.get("source")).isEqualTo("BACKTEST");
        });
        OffsetDateTime shownAt = database.jdbi().withHandle(h -> h.createQuery("SELECT snapshot_at FROM active_strategies_performance "
                + "WHERE id = :a").bind("a", strategy).mapTo(OffsetDateTime.class).one());
        assertThat(shownAt.toInstant()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void whatCannotBeStoredIsRefusedOrNull() {
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> snapshots.save(Snapshot.ofStrategy(stranger, Source.BACKTEST, T0, T0, T0, EXAMPLE.metrics())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no strategy " + stranger);
        assertThatThrownBy(() -> snapshots.save(Snapshot.ofActivation(otherAccount, activation, Source.LIVE, T0, T0, T0, EXAMPLE.metrics())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no strategy activation");
        assertThatThrownBy(() -> snapshots.save(Snapshot.ofStrategy(strategy, Source.BACKTEST, T0, T0, T0.minusSeconds(1), EXAMPLE.metrics())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_strategy_performance_period");
        assertThatThrownBy(() -> Snapshot.ofActivation(account, null, Source.LIVE, T0, T0, T0, EXAMPLE.metrics()))
                .isInstanceOf(NullPointerException.class);
        assertThat(snapshots.listForStrategy(strategy)).isEmpty();

        assertThat(StrategyPerformanceRepository.column(Metric.of(1.5e10))).as("beyond NUMERIC(20,10)").isNull();
        assertThat(StrategyPerformanceRepository.column(Metric.of(-9_999_999_999.4))).isEqualTo(new BigDecimal("-9999999999"));
        assertThat(StrategyPerformanceRepository.column(Metric.of(1.23456789012e-8))).isEqualTo(new BigDecimal("0.0000000123"));
        assertThat(StrategyPerformanceRepository.column(Metric.undefined())).isNull();
    }

    @Test
    void aCompletedSessionShowsInAccountPerformance() {
        Session started = sessions.start(account, activation, EXAMPLE.curve().time(0), new BigDecimal("100"));
        assertThat(started.status()).isEqualTo("ACTIVE");
        assertThat(started.capitalAtEnd()).isNull();
        Session done = sessions.complete(started.id(), EXAMPLE);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.endedAt()).isEqualTo(EXAMPLE.curve().time(4));
        assertThat(done.capitalAtEnd()).isEqualTo(new BigDecimal("119.79"));
        assertThat(done.totalPnl()).isEqualTo(new BigDecimal("19.79"));
        assertThat(done.maxDrawdown()).isEqualTo(new BigDecimal("0.1"));
        assertThat(done.tradesCount()).isEqualTo(3);
        Session running = sessions.start(account, null, T0.plusSeconds(60), new BigDecimal("119.79"));
        assertThat(sessions.list(account)).containsExactly(done, running);

        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT account_number, session_id, strategy_activation_id, status, initial_balance, final_balance, pnl, max_drawdown, "
                        + "trades_count FROM account_performance WHERE account_id = :a ORDER BY started_at").bind("a", account).mapToMap().list());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("account_number")).isEqualTo("PAPER-7");
        assertThat(rows.get(0).get("session_id")).isEqualTo(done.id());
        assertThat(rows.get(0).get("strategy_activation_id")).isEqualTo(activation);
        assertThat((BigDecimal) rows.get(0).get("final_balance")).isEqualByComparingTo("119.79");
        assertThat((BigDecimal) rows.get(0).get("pnl")).isEqualByComparingTo("19.79");
        assertThat((BigDecimal) rows.get(0).get("max_drawdown")).isEqualByComparingTo("0.1");
        assertThat(rows.get(1).get("status")).isEqualTo("ACTIVE");
        assertThat(rows.get(1).get("pnl")).as("no end yet").isNull();
    }

    @Test
    void sessionsRefuseWhatDoesNotFit() {
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> sessions.start(stranger, null, T0, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no account " + stranger);
        assertThatThrownBy(() -> sessions.start(otherAccount, activation, T0, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no strategy activation");
        Session s = sessions.start(account, null, T0, BigDecimal.TEN);
        assertThatThrownBy(() -> sessions.complete(s.id(), T0.minusSeconds(1), BigDecimal.ONE, BigDecimal.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_trading_sessions_period");
        assertThatThrownBy(() -> sessions.complete(s.id(), T0, BigDecimal.ONE, new BigDecimal("-0.1"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_trading_sessions_max_drawdown");
        sessions.complete(s.id(), T0, new BigDecimal("9.5"), null, 0);
        assertThatThrownBy(() -> sessions.complete(s.id(), T0, BigDecimal.ONE, BigDecimal.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already COMPLETED");
        assertThatThrownBy(() -> sessions.complete(UUID.randomUUID(), T0, BigDecimal.ONE, BigDecimal.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no trading session");
        assertThat(sessions.find(s.id()).orElseThrow().totalPnl()).isEqualTo(new BigDecimal("-0.5"));
        assertThat(sessions.list(otherAccount)).isEmpty();
    }
}
