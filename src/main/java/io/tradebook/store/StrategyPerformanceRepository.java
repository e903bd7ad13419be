package io.tradebook.store;

import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.Metrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Performance snapshots ({@code strategy_performance}, seed 003): the metrics of a strategy over
 * a period, saved either for one strategy activation of an account (its live or backtested
 * record there) or for a catalog strategy as a whole (what {@code active_strategies_performance}
 * shows, the latest one per strategy).
 *
 * <p>Metrics are stored as {@code NUMERIC(20,10)}: {@link #column(Metric)} rounds the printed
 * value (10 significant digits) half-even to 10 decimals; an undefined or infinite metric, or one
 * of 10^10 or more, is stored as NULL. Refuses with {@link IllegalArgumentException}: an unknown
 * strategy, an activation that is not the account's, and whatever the schema's checks refuse
 * (a period ending before it starts, a win rate above 1), naming the check.
 */
public final class StrategyPerformanceRepository {
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(10);
    private final Jdbi jdbi;

    public StrategyPerformanceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Where the figures come from. */
    public enum Source {
        LIVE,
        BACKTEST
    }

    /**
     * One snapshot. Immutable. A catalog snapshot has a {@code strategyId} and no account or
     * activation; an activation snapshot has the account and the activation, and its strategy is
     * the activation's (filled in when saved). Metrics are null where undefined; decimals come back
     * without trailing zeros.
     */
    public record Snapshot(UUID id, UUID strategyId, UUID accountId, UUID activationId, Source source, Instant snapshotAt,
                           Instant periodStart, Instant periodEnd, BigDecimal totalReturn, BigDecimal cagr, BigDecimal volatility,
                           BigDecimal sharpe, BigDecimal sortino, BigDecimal maxDrawdown, BigDecimal calmar, BigDecimal winRate,
                           BigDecimal profitFactor, int tradesCount, BigDecimal exposure) {
        public Snapshot {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(snapshotAt, "snapshotAt");
            if (strategyId == null && activationId == null) {
                throw new IllegalArgumentException("a snapshot is of a strategy or of a strategy activation");
            }
            if (activationId != null && accountId == null) {
                throw new IllegalArgumentException("an activation's snapshot names its account");
            }
        }

        /** A new snapshot of catalog strategy {@code strategyId} with {@code metrics} over [{@code from}, {@code to}]. */
        public static Snapshot ofStrategy(UUID strategyId, Source source, Instant at, Instant from, Instant to, Metrics metrics) {
            return of(Objects.requireNonNull(strategyId, "strategyId"), null, null, source, at, from, to, metrics);
        }

        /** A new snapshot of activation {@code activationId} of account {@code accountId}. */
        public static Snapshot ofActivation(UUID accountId, UUID activationId, Source source, Instant at, Instant from, Instant to,
                                            Metrics metrics) {
            return of(null, Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(activationId, "activationId"),
                    source, at, from, to, metrics);
        }

        private static Snapshot of(UUID strategy, UUID account, UUID activation, Source source, Instant at, Instant from, Instant to,
                                   Metrics m) {
            return new Snapshot(UUID.randomUUID(), strategy, account, activation, source, at, from, to, column(m.totalReturn()),
                    column(m.cagr()), column(m.volatility()), column(m.sharpe()), column(m.sortino()), column(m.maxDrawdown()),
                    column(m.calmar()), column(m.winRate()), column(m.profitFactor()), m.trades(), column(m.exposure()));
        }
    }

    /**
     * {@code metric} as a {@code NUMERIC(20,10)} value: its printed decimal rounded half-even to 10
     * decimals, trailing zeros dropped; null when it is undefined, infinite or at least 10^10 in size.
     */
    public static BigDecimal column(Metric metric) {
        return metric.decimal()
                .map(d -> d.setScale(10, RoundingMode.HALF_EVEN))
                .filter(d -> d.abs().compareTo(LIMIT) < 0)
                .map(SqlTypes::plain)
                .orElse(null);
    }

    /** Stores a new snapshot; returns it as stored (an activation's snapshot with its strategy). */
    public Snapshot save(Snapshot s) {
        return RiskRuleRepository.refusedByChecks("performance snapshot " + s.id(), () -> jdbi.inTransaction(h -> {
            UUID strategy = s.strategyId();
            if (s.activationId() != null) {
                UUID ofActivation = h.createQuery("SELECT strategy_id FROM strategy_activations WHERE id = :id AND account_id = :account")
                        .bind("id", s.activationId()).bind("account", s.accountId()).mapTo(UUID.class).findOne()
                        .orElseThrow(() -> new IllegalArgumentException("account " + s.accountId() + " has no strategy activation "
                                + s.activationId()));
                if (strategy != null && !strategy.equals(ofActivation)) {
                    throw new IllegalArgumentException("activation " + s.activationId() + " runs strategy " + ofActivation + ", not " + strategy);
                }
                strategy = ofActivation;
            } else if (h.createQuery("SELECT COUNT(*) FROM strategies WHERE id = :id").bind("id", strategy).mapTo(Integer.class).one() == 0) {
                throw new IllegalArgumentException("no strategy " + strategy);
            }
            h.createUpdate("INSERT INTO strategy_performance (id, strategy_id, strategy_activation_id, account_id, source, snapshot_at, "
                            + "period_start, period_end, total_return, cagr, volatility, sharpe_ratio, sortino_ratio, max_drawdown, calmar, "
                            + "win_rate, profit_factor, trades_count, exposure) VALUES (:id, :strategy, :activation, :account, :source, :at, "
                            + ":from, :to, :totalReturn, :cagr, :volatility, :sharpe, :sortino, :maxDrawdown, :calmar, :winRate, "
                            + ":profitFactor, :trades, :exposure)")
                    .bind("id", s.id()).bindByType("strategy", strategy, UUID.class)
                    .bindByType("activation", s.activationId(), UUID.class).bindByType("account", s.accountId(), UUID.class)
                    .bind("source", s.source().name()).bind("at", SqlTypes.utc(s.snapshotAt()))
                    .bindByType("from", SqlTypes.utc(s.periodStart()), java.time.OffsetDateTime.class)
                    .bindByType("to", SqlTypes.utc(s.periodEnd()), java.time.OffsetDateTime.class)
                    .bindByType("totalReturn", s.totalReturn(), BigDecimal.class).bindByType("cagr", s.cagr(), BigDecimal.class)
                    .bindByType("volatility", s.volatility(), BigDecimal.class).bindByType("sharpe", s.sharpe(), BigDecimal.class)
                    .bindByType("sortino", s.sortino(), BigDecimal.class).bindByType("maxDrawdown", s.maxDrawdown(), BigDecimal.class)
                    .bindByType("calmar", s.calmar(), BigDecimal.class).bindByType("winRate", s.winRate(), BigDecimal.class)
                    .bindByType("profitFactor", s.profitFactor(), BigDecimal.class).bind("trades", s.tradesCount())
                    .bindByType("exposure", s.exposure(), BigDecimal.class)
                    .execute();
            return find(h, s.id()).orElseThrow();
        }));
    }

    public Optional<Snapshot> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /** The activation's snapshots, oldest first. */
    public List<Snapshot> listForActivation(UUID activationId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE strategy_activation_id = :id ORDER BY snapshot_at, id")
                .bind("id", activationId).map(StrategyPerformanceRepository::row).list());
    }

    /** The catalog strategy's own snapshots (not its activations'), oldest first. */
    public List<Snapshot> listForStrategy(UUID strategyId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE strategy_id = :id AND strategy_activation_id IS NULL "
                + "ORDER BY snapshot_at, id").bind("id", strategyId).map(StrategyPerformanceRepository::row).list());
    }

    /** The activation's latest snapshot (ties on time broken by id, as the view does). */
    public Optional<Snapshot> latestForActivation(UUID activationId) {
        List<Snapshot> all = listForActivation(activationId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The catalog strategy's latest own snapshot: the one {@code active_strategies_performance} shows. */
    public Optional<Snapshot> latestForStrategy(UUID strategyId) {
        List<Snapshot> all = listForStrategy(strategyId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static final String SELECT = "SELECT id, strategy_id, account_id, strategy_activation_id, source, snapshot_at, period_start, "
            + "period_end, total_return, cagr, volatility, sharpe_ratio, sortino_ratio, max_drawdown, calmar, win_rate, profit_factor, "
            + "trades_count, exposure FROM strategy_performance ";

    private static Optional<Snapshot> find(Handle h, UUID id) {
        return h.createQuery(SELECT + "WHERE id = :id").bind("id", id).map(StrategyPerformanceRepository::row).findOne();
    }

    private static Snapshot row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Snapshot(rs.getObject("id", UUID.class), rs.getObject("strategy_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("strategy_activation_id", UUID.class), Source.valueOf(rs.getString("source")),
                SqlTypes.instant(rs, "snapshot_at"), SqlTypes.instant(rs, "period_start"), SqlTypes.instant(rs, "period_end"),
                SqlTypes.plain(rs, "total_return"), SqlTypes.plain(rs, "cagr"), SqlTypes.plain(rs, "volatility"),
                SqlTypes.plain(rs, "sharpe_ratio"), SqlTypes.plain(rs, "sortino_ratio"), SqlTypes.plain(rs, "max_drawdown"),
                SqlTypes.plain(rs, "calmar"), SqlTypes.plain(rs, "win_rate"), SqlTypes.plain(rs, "profit_factor"), rs.getInt("trades_count"),
                SqlTypes.plain(rs, "exposure"));
    }
}
