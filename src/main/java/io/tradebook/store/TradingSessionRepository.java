package io.tradebook.store;

import io.tradebook.core.analytics.PerformanceSummary;
import java.math.BigDecimal;
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
 * Trading sessions ({@code trading_sessions}, seeds 003 and 004): a period of trading of an
 * account, or of one strategy activation in it, from its starting capital to its final one. The
 * {@code account_performance} view lists them. A session starts ACTIVE and is completed once,
 * with its final capital, its P&L ({@code final − start}), its max drawdown as a positive
 * fraction (as {@code docs/metrics.md} defines it) and its number of round trips.
 *
 * <p>Refuses with {@link IllegalArgumentException}: an unknown account, an activation that is not
 * the account's, completing an unknown or already completed session, and whatever the schema's
 * checks refuse (an end before the start, a negative drawdown), naming the check.
 */
public final class TradingSessionRepository {
    private final Jdbi jdbi;

    public TradingSessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One session. Immutable; decimals without trailing zeros; end figures null while ACTIVE. */
    public record Session(UUID id, UUID accountId, UUID activationId, String status, Instant startedAt, Instant endedAt,
                          BigDecimal capitalAtStart, BigDecimal capitalAtEnd, BigDecimal totalPnl, BigDecimal maxDrawdown, int tradesCount) {
    }

    /** Starts a session of the account (of one activation, or of the whole account when null) with its capital. */
    public Session start(UUID accountId, UUID activationId, Instant startedAt, BigDecimal capitalAtStart) {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(capitalAtStart, "capitalAtStart");
        UUID id = UUID.randomUUID();
        return RiskRuleRepository.refusedByChecks("trading session", () -> jdbi.inTransaction(h -> {
            UUID user = h.createQuery("SELECT user_id FROM accounts WHERE id = :id").bind("id", accountId).mapTo(UUID.class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
            if (activationId != null && h.createQuery("SELECT COUNT(*) FROM strategy_activations WHERE id = :id AND account_id = :account")
                    .bind("id", activationId).bind("account", accountId).mapTo(Integer.class).one() == 0) {
                throw new IllegalArgumentException("account " + accountId + " has no strategy activation " + activationId);
            }
            h.createUpdate("INSERT INTO trading_sessions (id, account_id, user_id, strategy_activation_id, started_at, capital_at_start) "
                            + "VALUES (:id, :account, :user, :activation, :at, :capital)")
                    .bind("id", id).bind("account", accountId).bind("user", user).bindByType("activation", activationId, UUID.class)
                    .bind("at", SqlTypes.utc(startedAt)).bind("capital", capitalAtStart).execute();
            return find(h, id).orElseThrow();
        }));
    }

    /**
     * Completes the session at {@code endedAt} with its final capital, max drawdown (a positive
     * fraction; 0 when unknown) and round trips; its P&L is {@code capitalAtEnd − capitalAtStart}.
     */
    public Session complete(UUID sessionId, Instant endedAt, BigDecimal capitalAtEnd, BigDecimal maxDrawdown, int tradesCount) {
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(capitalAtEnd, "capitalAtEnd");
        BigDecimal drawdown = maxDrawdown == null ? BigDecimal.ZERO : maxDrawdown;
        return RiskRuleRepository.refusedByChecks("trading session " + sessionId, () -> jdbi.inTransaction(h -> {
            Session session = find(h, sessionId).orElseThrow(() -> new IllegalArgumentException("no trading session " + sessionId));
            if (!"ACTIVE".equals(session.status())) {
                throw new IllegalArgumentException("trading session " + sessionId + " is already " + session.status());
            }
            h.createUpdate("UPDATE trading_sessions SET status = 'COMPLETED', ended_at = :at, capital_at_end = :end, total_pnl = :pnl, "
                            + "max_drawdown = :drawdown, trades_count = :trades, updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("at", SqlTypes.utc(endedAt)).bind("end", capitalAtEnd).bind("pnl", capitalAtEnd.subtract(session.capitalAtStart()))
                    .bind("drawdown", drawdown).bind("trades", tradesCount).bind("id", sessionId).execute();
            return find(h, sessionId).orElseThrow();
        }));
    }

    /** Completes the session with what {@code performance} measured: final equity, max drawdown, round trips, last time. */
    public Session complete(UUID sessionId, PerformanceSummary performance) {
        var curve = performance.curve();
        return complete(sessionId, curve.time(curve.size() - 1), performance.finalEquity().amount(),
                StrategyPerformanceRepository.column(performance.metrics().maxDrawdown()), performance.metrics().trades());
    }

    public Optional<Session> find(UUID sessionId) {
        return jdbi.withHandle(h -> find(h, sessionId));
    }

    /** The account's sessions, oldest first. */
    public List<Session> list(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE account_id = :account ORDER BY started_at, id").bind("account", accountId)
                .map(TradingSessionRepository::row).list());
    }

    private static final String SELECT = "SELECT id, account_id, strategy_activation_id, status, started_at, ended_at, capital_at_start, "
            + "capital_at_end, total_pnl, max_drawdown, trades_count FROM trading_sessions ";

    private static Optional<Session> find(Handle h, UUID id) {
        return h.createQuery(SELECT + "WHERE id = :id").bind("id", id).map(TradingSessionRepository::row).findOne();
    }

    private static Session row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("strategy_activation_id", UUID.class), rs.getString("status"), SqlTypes.instant(rs, "started_at"),
                SqlTypes.instant(rs, "ended_at"), SqlTypes.plain(rs, "capital_at_start"), SqlTypes.plain(rs, "capital_at_end"),
                SqlTypes.plain(rs, "total_pnl"), SqlTypes.plain(rs, "max_drawdown"), rs.getInt("trades_count"));
    }
}
