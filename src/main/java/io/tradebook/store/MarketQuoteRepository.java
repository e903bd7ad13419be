package io.tradebook.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * The latest price of each security ({@code market_quotes}, seed 004's market data cache): a last
 * price, or a bid and ask, and when it came. One row per security, replaced by each new price, so
 * that the prices paper accounts fill and are valued at survive a restart. Thread-safe.
 */
public final class MarketQuoteRepository {
    private final Jdbi jdbi;

    public MarketQuoteRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * A security's latest price: {@code last} for a last price, {@code bid} and {@code ask} for a
     * quote (then {@code last} is null). Decimals come back without trailing zeros. Immutable.
     */
    public record StoredQuote(UUID securityId, String ticker, BigDecimal bid, BigDecimal ask, BigDecimal last, Instant updatedAt) {
    }

    /** Keeps {@code quote} as its security's latest price, replacing the one before. */
    public void save(StoredQuote quote) {
        jdbi.useHandle(h -> {
            if (update(h, quote) == 0) {
                try {
                    bind(h.createUpdate("INSERT INTO market_quotes (security_id, bid, ask, last, updated_at) "
                            + "VALUES (:security, :bid, :ask, :last, :time)"), quote).execute();
                } catch (RuntimeException e) {
                    if (!SqlErrors.violates(e, "pk_market_quotes")) {
                        throw e;
                    }
                    update(h, quote); // another writer inserted it first
                }
            }
        });
    }

    private static int update(Handle h, StoredQuote q) {
        return bind(h.createUpdate("UPDATE market_quotes SET bid = :bid, ask = :ask, last = :last, updated_at = :time "
                + "WHERE security_id = :security"), q).execute();
    }

    private static Update bind(Update u, StoredQuote q) {
        return u.bind("security", q.securityId()).bindByType("bid", q.bid(), BigDecimal.class).bindByType("ask", q.ask(), BigDecimal.class)
                .bindByType("last", q.last(), BigDecimal.class).bind("time", SqlTypes.utc(q.updatedAt()));
    }

    private static final String SELECT = "SELECT q.security_id, s.ticker, q.bid, q.ask, q.last, q.updated_at FROM market_quotes q "
            + "JOIN securities s ON s.id = q.security_id WHERE s.is_active ";

    /** The latest price of every active security that has one, by ticker. */
    public List<StoredQuote> latest() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY s.ticker").map(MarketQuoteRepository::quote).list());
    }

    /** The latest prices of the active securities with ticker {@code ticker} (one per exchange that lists it). */
    public List<StoredQuote> latest(String ticker) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "AND s.ticker = :ticker").bind("ticker", ticker)
                .map(MarketQuoteRepository::quote).list());
    }

    private static StoredQuote quote(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new StoredQuote(rs.getObject("security_id", UUID.class), rs.getString("ticker"), SqlTypes.plain(rs, "bid"),
                SqlTypes.plain(rs, "ask"), SqlTypes.plain(rs, "last"), SqlTypes.instant(rs, "updated_at"));
    }
}
