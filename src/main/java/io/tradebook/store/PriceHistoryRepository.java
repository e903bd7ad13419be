package io.tradebook.store;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The bars of securities ({@code price_history}), one series per (security, timeframe), unique
 * per time. A close-only bar is stored with empty open, high, low and volume and comes back
 * close-only; a full bar keeps every digit.
 *
 * <p>{@link #store} writes many bars in batches inside one transaction and is idempotent: a bar
 * equal to the stored one at its time is counted as already present and not written again. A bar
 * that differs from the stored one is refused ({@link StoredBarsDifferException}, nothing written)
 * unless replacing is asked for. Reads come back in time order; {@link #forEach} streams a series
 * of any length without holding it in memory. Refuses (IllegalArgumentException) bars of another
 * symbol or currency than the security's and bars not in strictly increasing time. Thread-safe.
 */
public final class PriceHistoryRepository {
    private static final int CHUNK = 2_000;
    private static final int MAX_EXAMPLES = 3;
    private static final String COLUMNS = "bar_time, open, high, low, close, volume";

    private final Jdbi jdbi;

    public PriceHistoryRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** What {@link #store} did: bars newly written, bars already stored identically, stored bars overwritten. */
    public record StoreResult(int inserted, int alreadyPresent, int replaced) {
    }

    /**
     * A stored series of a security, or a time range of one: its timeframe, how many bars, how many
     * of them are close-only, the first and last bar times. Immutable.
     */
    public record StoredSeries(Timeframe timeframe, long bars, long closeOnlyBars, Instant first, Instant last) {
        /** True when every bar is close-only. */
        public boolean closeOnly() {
            return closeOnlyBars == bars;
        }
    }

    /**
     * Writes {@code bars} (of {@code security}, in strictly increasing time) to its
     * {@code timeframe} series, all or nothing.
     *
     * @param replace    overwrite stored bars that differ, instead of refusing them
     * @param dataSource recorded on new and replaced rows (at most 50 characters; may be null)
     * @throws StoredBarsDifferException when some bars differ from stored ones and {@code replace} is false
     */
    public StoreResult store(Security security, Timeframe timeframe, List<Bar> bars, boolean replace, String dataSource) {
        Objects.requireNonNull(timeframe, "timeframe");
        check(security, bars);
        String source = dataSource == null || dataSource.length() <= 50 ? dataSource : dataSource.substring(0, 50);
        try {
            return jdbi.inTransaction(h -> compareAndWrite(h, security, timeframe, bars, replace, source));
        } catch (SQLException e) {
            if (SqlErrors.violates(e, "idx_price_history_security_date")) {
                // The driver's message quotes the whole batch; this one says what happened.
                throw new IllegalArgumentException("another writer stored " + timeframe + " bars of " + security.label()
                        + " at some of the same times meanwhile; nothing was written, try again", e);
            }
            throw new IllegalStateException("cannot store " + timeframe + " bars of " + security.label() + ": " + e.getMessage(), e);
        }
    }

    private static StoreResult compareAndWrite(Handle h, Security security, Timeframe timeframe, List<Bar> bars, boolean replace,
                                               String source) throws SQLException {
        List<Bar> fresh = new ArrayList<>();
        List<Bar> changed = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        int present = 0;
        for (int from = 0; from < bars.size(); from += CHUNK) {
            List<Bar> chunk = bars.subList(from, Math.min(bars.size(), from + CHUNK));
            Map<Instant, Bar> stored = new HashMap<>();
            // An inclusive upper bound: PostgreSQL keeps microseconds, so "last + 1 ns" would round back to "last".
            h.createQuery("SELECT " + COLUMNS + " FROM price_history WHERE security_id = :security AND timeframe = :timeframe "
                            + "AND bar_time >= :first AND bar_time <= :last")
                    .bind("security", security.id()).bind("timeframe", timeframe.code())
                    .bind("first", SqlTypes.utc(chunk.get(0).time())).bind("last", SqlTypes.utc(chunk.get(chunk.size() - 1).time()))
                    .map((rs, ctx) -> bar(rs, security)).forEach(b -> stored.put(b.time(), b));
            for (Bar bar : chunk) {
                Bar old = stored.get(bar.time());
                if (old == null) {
                    fresh.add(bar);
                } else if (old.equals(bar)) {
                    present++;
                } else {
                    changed.add(bar);
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(bar.time() + " (" + describe(old, bar) + ")");
                    }
                }
            }
        }
        if (!changed.isEmpty() && !replace) {
            throw new StoredBarsDifferException(changed.size(), changed.size() + " of the " + bars.size() + " " + timeframe + " bars of "
                    + security.label() + " differ from the bars stored at the same times; first: " + String.join(", ", examples)
                    + "; nothing was written");
        }
        write(h, "INSERT INTO price_history (security_id, timeframe, bar_time, open, high, low, close, volume, data_source) "
                + "VALUES (:security, :timeframe, :time, :open, :high, :low, :close, :volume, :source)", security, timeframe, fresh, source);
        write(h, "UPDATE price_history SET open = :open, high = :high, low = :low, close = :close, volume = :volume, "
                + "data_source = :source WHERE security_id = :security AND timeframe = :timeframe AND bar_time = :time",
                security, timeframe, changed, source);
        return new StoreResult(fresh.size(), present, changed.size());
    }

    /** The bars of the series from {@code from} (inclusive) until {@code until} (exclusive), in time order; null bounds are open. */
    public List<Bar> range(Security security, Timeframe timeframe, Instant from, Instant until) {
        List<Bar> bars = new ArrayList<>();
        forEach(security, timeframe, from, until, bars::add);
        return bars;
    }

    /**
     * Passes each bar of the series from {@code from} (inclusive) until {@code until} (exclusive)
     * to {@code sink}, in time order, fetching in pages so that a series of any length streams.
     */
    public void forEach(Security security, Timeframe timeframe, Instant from, Instant until, Consumer<Bar> sink) {
        // Inside a transaction, so that PostgreSQL honours the fetch size with a cursor.
        jdbi.useTransaction(h -> query(h, security, timeframe, from, until).setFetchSize(10_000)
                .map((rs, ctx) -> bar(rs, security)).forEach(sink));
    }

    /** The last bar of the series, if it has any. */
    public Optional<Bar> latest(Security security, Timeframe timeframe) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM price_history WHERE security_id = :security "
                        + "AND timeframe = :timeframe ORDER BY bar_time DESC LIMIT 1")
                .bind("security", security.id()).bind("timeframe", timeframe.code())
                .map((rs, ctx) -> bar(rs, security)).findOne());
    }

    /** How many bars the series has. */
    public long count(Security security, Timeframe timeframe) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM price_history WHERE security_id = :security AND timeframe = :timeframe")
                .bind("security", security.id()).bind("timeframe", timeframe.code()).mapTo(Long.class).one());
    }

    /** Every stored series of the security, shortest timeframe first. */
    public List<StoredSeries> series(Security security) {
        List<StoredSeries> series = jdbi.withHandle(h -> h.createQuery("SELECT timeframe, " + SUMMARY
                        + " FROM price_history WHERE security_id = :security GROUP BY timeframe")
                .bind("security", security.id())
                .map((rs, ctx) -> summary(Timeframe.parse(rs.getString("timeframe")), rs))
                .list());
        return series.stream().sorted(Comparator.comparing(StoredSeries::timeframe)).toList();
    }

    /** The bars of the series from {@code from} (inclusive) until {@code until} (exclusive) in figures; empty when there are none. */
    public Optional<StoredSeries> series(Security security, Timeframe timeframe, Instant from, Instant until) {
        String sql = "SELECT " + SUMMARY + " FROM price_history WHERE security_id = :security AND timeframe = :timeframe"
                + (from == null ? "" : " AND bar_time >= :from") + (until == null ? "" : " AND bar_time < :until");
        StoredSeries found = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("security", security.id()).bind("timeframe", timeframe.code());
            if (from != null) {
                query.bind("from", SqlTypes.utc(from));
            }
            if (until != null) {
                query.bind("until", SqlTypes.utc(until));
            }
            return query.map((rs, ctx) -> summary(timeframe, rs)).one();
        });
        return found.bars() == 0 ? Optional.empty() : Optional.of(found);
    }

    private static final String SUMMARY = "COUNT(*) AS bars, COUNT(*) - COUNT(open) AS close_only, MIN(bar_time) AS first_time, "
            + "MAX(bar_time) AS last_time";

    private static StoredSeries summary(Timeframe timeframe, ResultSet rs) throws SQLException {
        return new StoredSeries(timeframe, rs.getLong("bars"), rs.getLong("close_only"), SqlTypes.instant(rs, "first_time"),
                SqlTypes.instant(rs, "last_time"));
    }

    private static Query query(Handle h, Security security, Timeframe timeframe, Instant from, Instant until) {
        String sql = "SELECT " + COLUMNS + " FROM price_history WHERE security_id = :security AND timeframe = :timeframe"
                + (from == null ? "" : " AND bar_time >= :from") + (until == null ? "" : " AND bar_time < :until") + " ORDER BY bar_time";
        Query query = h.createQuery(sql).bind("security", security.id()).bind("timeframe", timeframe.code());
        if (from != null) {
            query.bind("from", SqlTypes.utc(from));
        }
        if (until != null) {
            query.bind("until", SqlTypes.utc(until));
        }
        return query;
    }

    private static void write(Handle h, String sql, Security security, Timeframe timeframe, List<Bar> bars, String source)
            throws SQLException {
        if (bars.isEmpty()) {
            return;
        }
        try (JdbcBatch batch = new JdbcBatch(h.getConnection(), sql, false)) {
            for (Bar bar : bars) {
                batch.set("security", security.id(), Types.OTHER);
                batch.set("timeframe", timeframe.code(), Types.VARCHAR);
                batch.set("time", SqlTypes.utc(bar.time()), Types.TIMESTAMP_WITH_TIMEZONE);
                boolean closeOnly = bar.closeOnly();
                batch.set("open", closeOnly ? null : bar.open().value(), Types.NUMERIC);
                batch.set("high", closeOnly ? null : bar.high().value(), Types.NUMERIC);
                batch.set("low", closeOnly ? null : bar.low().value(), Types.NUMERIC);
                batch.set("close", bar.close().value(), Types.NUMERIC);
                batch.set("volume", closeOnly ? null : bar.volume().value(), Types.NUMERIC);
                batch.set("source", source, Types.VARCHAR);
                batch.add();
                if (batch.size() % CHUNK == 0) {
                    batch.execute();
                }
            }
            batch.execute();
        }
    }

    private static Bar bar(ResultSet rs, Security security) throws SQLException {
        Currency currency = security.currency();
        Instant time = SqlTypes.instant(rs, "bar_time");
        Price close = Price.of(SqlTypes.plain(rs, "close"), currency);
        BigDecimal open = SqlTypes.plain(rs, "open");
        BigDecimal high = SqlTypes.plain(rs, "high");
        BigDecimal low = SqlTypes.plain(rs, "low");
        if (open == null && high == null && low == null) {
            return Bar.closeOnly(security.ticker(), time, close);
        }
        if (open == null || high == null || low == null) {
            throw new IllegalStateException("price_history of " + security.label() + " at " + time
                    + " has some but not all of open, high and low; Tradebook never writes such a row");
        }
        BigDecimal volume = SqlTypes.plain(rs, "volume");
        return new Bar(security.ticker(), time, Price.of(open, currency), Price.of(high, currency), Price.of(low, currency), close,
                volume == null ? Quantity.ZERO : Quantity.of(volume));
    }

    private static void check(Security security, List<Bar> bars) {
        Objects.requireNonNull(security, "security");
        Instant previous = null;
        for (Bar bar : bars) {
            if (!bar.symbol().equals(security.ticker())) {
                throw new IllegalArgumentException("a bar of " + bar.symbol() + " cannot be stored as a bar of " + security.label());
            }
            if (bar.close().currency() != security.currency()) {
                throw new IllegalArgumentException("bars of " + security.label() + " are in " + security.currency() + ", not "
                        + bar.close().currency());
            }
            if (previous != null && !bar.time().isAfter(previous)) {
                throw new IllegalArgumentException("bars of " + security.label() + " must be in strictly increasing time: " + bar.time()
                        + " comes after " + previous);
            }
            previous = bar.time();
        }
    }

    private static String describe(Bar stored, Bar offered) {
        List<String> parts = new ArrayList<>();
        if (stored.closeOnly() != offered.closeOnly()) {
            parts.add(stored.closeOnly() ? "stored close-only, offered a full bar" : "stored a full bar, offered close-only");
        }
        differs(parts, "open", stored.open(), offered.open());
        differs(parts, "high", stored.high(), offered.high());
        differs(parts, "low", stored.low(), offered.low());
        differs(parts, "close", stored.close(), offered.close());
        if (!stored.volume().equals(offered.volume())) {
            parts.add("volume " + stored.volume() + " stored, " + offered.volume() + " offered");
        }
        return String.join(", ", parts);
    }

    private static void differs(List<String> parts, String name, Price stored, Price offered) {
        if (!stored.equals(offered)) {
            parts.add(name + " " + stored.toPlainString() + " stored, " + offered.toPlainString() + " offered");
        }
    }
}
