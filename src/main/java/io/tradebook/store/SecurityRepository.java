package io.tradebook.store;

import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The security master ({@code securities}): create, find, list, update fundamentals and trading
 * rules, and soft-delete (deactivate) securities; and the trading rules of active securities as
 * {@link Instrument}s for the order path ({@link #instruments()}).
 *
 * <p>Refuses with {@link IllegalArgumentException}: a second security with the same ticker and
 * exchange (naming them), an unknown id, a ticker on several exchanges where one was needed, and
 * whatever the schema's checks refuse (a non-positive tick or lot, a quantity scale outside 0..8,
 * a negative volume, a 52-week high below the low), naming the check. Thread-safe.
 */
public final class SecurityRepository {
    private static final String COLUMNS = "id, ticker, exchange, security_type, name, currency, country, sector, industry, description, "
            + "data_source, is_active, current_price, market_cap, volume, avg_volume, pe_ratio, ps_ratio, pb_ratio, ev_ebitda, "
            + "dividend_yield, fifty_two_week_high, fifty_two_week_low, tick_size, lot_size, min_quantity, quantity_scale, last_updated";

    private final Jdbi jdbi;

    public SecurityRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Adds {@code security}, active, with no fundamentals and default trading rules; returns it as stored. */
    public Security create(NewSecurity security) {
        UUID id = UUID.randomUUID();
        try {
            return jdbi.inTransaction(h -> {
                h.createUpdate("INSERT INTO securities (id, ticker, exchange, security_type, name, currency, country, sector, industry, "
                                + "description, data_source) VALUES (:id, :ticker, :exchange, :type, :name, :currency, :country, :sector, "
                                + ":industry, :description, :source)")
                        .bind("id", id).bind("ticker", security.ticker()).bind("exchange", security.exchange())
                        .bind("type", typeCode(security.type())).bind("name", security.name()).bind("currency", security.currency().code())
                        .bind("country", security.country()).bind("sector", security.sector()).bind("industry", security.industry())
                        .bind("description", security.description()).bind("source", security.dataSource()).execute();
                return find(h, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (SqlErrors.violates(e, "uq_securities_ticker_exchange")) {
                throw new IllegalArgumentException("security " + security.ticker() + " on " + security.exchange() + " already exists", e);
            }
            throw refusal("security " + security.ticker() + " on " + security.exchange(), e);
        }
    }

    public Optional<Security> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /** The security with this ticker on this exchange, active or not. */
    public Optional<Security> find(String ticker, String exchange) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM securities WHERE ticker = :ticker AND exchange = :exchange")
                .bind("ticker", ticker).bind("exchange", exchange).map(SecurityRepository::row).findOne());
    }

    /** Every security with this ticker, on any exchange, active or not, by exchange. */
    public List<Security> findByTicker(String ticker) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM securities WHERE ticker = :ticker ORDER BY exchange")
                .bind("ticker", ticker).map(SecurityRepository::row).list());
    }

    /**
     * The one security {@code ticker} names: on {@code exchange} when given, else the only one
     * with that ticker (an active one preferred over inactive ones). Empty when there is none.
     *
     * @throws IllegalArgumentException when no exchange is given and several exchanges list the ticker
     */
    public Optional<Security> resolve(String ticker, String exchange) {
        if (exchange != null) {
            return find(ticker, exchange);
        }
        List<Security> all = findByTicker(ticker);
        List<Security> active = all.stream().filter(Security::active).toList();
        List<Security> candidates = active.isEmpty() ? all : active;
        if (candidates.size() > 1) {
            throw new IllegalArgumentException(ticker + " is listed on several exchanges ("
                    + candidates.stream().map(Security::exchange).collect(Collectors.joining(", ")) + "); name the exchange");
        }
        return candidates.stream().findFirst();
    }

    /** The securities {@code filter} selects, by ticker then exchange. */
    public List<Security> list(SecurityFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM securities WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (!filter.includeInactive()) {
            sql.append(" AND is_active");
        }
        if (filter.type() != null) {
            sql.append(" AND security_type = :type");
            binds.put("type", typeCode(filter.type()));
        }
        if (filter.exchange() != null) {
            sql.append(" AND exchange = :exchange");
            binds.put("exchange", filter.exchange());
        }
        if (filter.sector() != null) {
            sql.append(" AND sector = :sector");
            binds.put("sector", filter.sector());
        }
        sql.append(" ORDER BY ticker, exchange");
        return jdbi.withHandle(h -> h.createQuery(sql.toString()).bindMap(binds).map(SecurityRepository::row).list());
    }

    /** Replaces the security's fundamentals (null fields clear them) and stamps {@code last_updated}; returns it as stored. */
    public Security updateFundamentals(UUID id, SecurityFundamentals f) {
        Objects.requireNonNull(f, "fundamentals");
        return update(id, "fundamentals", "current_price = :price, market_cap = :cap, volume = :volume, avg_volume = :avg, pe_ratio = :pe, "
                        + "ps_ratio = :ps, pb_ratio = :pb, ev_ebitda = :ev, dividend_yield = :dividend, fifty_two_week_high = :high, "
                        + "fifty_two_week_low = :low, last_updated = CURRENT_TIMESTAMP",
                u -> u.bindByType("price", f.currentPrice(), BigDecimal.class).bindByType("cap", f.marketCap(), BigDecimal.class)
                        .bindByType("volume", f.volume(), BigDecimal.class).bindByType("avg", f.avgVolume(), BigDecimal.class)
                        .bindByType("pe", f.peRatio(), BigDecimal.class).bindByType("ps", f.psRatio(), BigDecimal.class)
                        .bindByType("pb", f.pbRatio(), BigDecimal.class).bindByType("ev", f.evEbitda(), BigDecimal.class)
                        .bindByType("dividend", f.dividendYield(), BigDecimal.class)
                        .bindByType("high", f.fiftyTwoWeekHigh(), BigDecimal.class).bindByType("low", f.fiftyTwoWeekLow(), BigDecimal.class));
    }

    /** Replaces the security's trading rules (null fields mean the type's defaults); returns it as stored. */
    public Security updateTradingRules(UUID id, TradingRules rules) {
        Objects.requireNonNull(rules, "rules");
        return update(id, "trading rules", "tick_size = :tick, lot_size = :lot, min_quantity = :min, quantity_scale = :scale",
                u -> u.bindByType("tick", rules.tickSize(), BigDecimal.class).bindByType("lot", rules.lotSize(), BigDecimal.class)
                        .bindByType("min", rules.minQuantity(), BigDecimal.class).bindByType("scale", rules.quantityScale(), Integer.class));
    }

    /** Soft-deletes ({@code false}) or restores ({@code true}) the security; its price history stays. */
    public Security setActive(UUID id, boolean active) {
        return update(id, "state", "is_active = :active", u -> u.bind("active", active));
    }

    private Security update(UUID id, String what, String assignments, Consumer<Update> binds) {
        try {
            return jdbi.inTransaction(h -> {
                Update update = h.createUpdate("UPDATE securities SET " + assignments + ", updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                        .bind("id", id);
                binds.accept(update);
                if (update.execute() == 0) {
                    throw new IllegalArgumentException("no security " + id);
                }
                return find(h, id).orElseThrow();
            });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refusal(what + " of security " + id, e);
        }
    }

    /**
     * The order path's view of the security master: the trading rules of the one active security
     * with a ticker, by {@link #instrument}. One query per lookup; cache it on a hot path. The
     * source throws {@link IllegalArgumentException} for a ticker active on several exchanges.
     */
    public InstrumentSource instruments() {
        return symbol -> {
            List<Security> active = findByTicker(symbol).stream().filter(Security::active).toList();
            if (active.size() > 1) {
                throw new IllegalArgumentException(symbol + " is active on several exchanges ("
                        + active.stream().map(Security::exchange).collect(Collectors.joining(", ")) + "); the order path needs one");
            }
            return active.stream().findFirst().map(SecurityRepository::instrument);
        };
    }

    /**
     * The security's trading rules as an {@link Instrument}: each rule it sets, else its type's
     * default ({@link Instrument#defaults}). A quantity scale without a lot size makes the lot
     * 10^-scale; a missing or zero minimum quantity is one lot.
     */
    public static Instrument instrument(Security security) {
        Instrument defaults = Instrument.defaults(security.ticker(), security.type(), security.currency());
        TradingRules rules = security.rules();
        BigDecimal tick = rules.tickSize() != null ? rules.tickSize() : defaults.tickSize();
        Quantity lot = rules.lotSize() != null ? Quantity.of(rules.lotSize())
                : rules.quantityScale() != null ? Quantity.of(BigDecimal.ONE.movePointLeft(rules.quantityScale()))
                : defaults.lotSize();
        Quantity min = rules.minQuantity() != null && rules.minQuantity().signum() > 0 ? Quantity.of(rules.minQuantity()) : lot;
        return new Instrument(security.ticker(), security.type(), security.currency(), tick, lot, min, defaults.shortable());
    }

    private static Optional<Security> find(Handle h, UUID id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM securities WHERE id = :id").bind("id", id).map(SecurityRepository::row).findOne();
    }

    static String typeCode(SecurityType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Security row(ResultSet rs, StatementContext ctx) throws SQLException {
        int scale = rs.getInt("quantity_scale");
        Integer quantityScale = rs.wasNull() ? null : scale;
        return new Security(rs.getObject("id", UUID.class), rs.getString("ticker"), rs.getString("exchange"),
                SecurityType.valueOf(rs.getString("security_type").toUpperCase(Locale.ROOT)), rs.getString("name"),
                Currency.of(rs.getString("currency")), rs.getString("country"), rs.getString("sector"), rs.getString("industry"),
                rs.getString("description"), rs.getString("data_source"), rs.getBoolean("is_active"),
                new SecurityFundamentals(SqlTypes.plain(rs, "current_price"), SqlTypes.plain(rs, "market_cap"), SqlTypes.plain(rs, "volume"),
                        SqlTypes.plain(rs, "avg_volume"), SqlTypes.plain(rs, "pe_ratio"), SqlTypes.plain(rs, "ps_ratio"),
                        SqlTypes.plain(rs, "pb_ratio"), SqlTypes.plain(rs, "ev_ebitda"), SqlTypes.plain(rs, "dividend_yield"),
                        SqlTypes.plain(rs, "fifty_two_week_high"), SqlTypes.plain(rs, "fifty_two_week_low")),
                new TradingRules(SqlTypes.plain(rs, "tick_size"), SqlTypes.plain(rs, "lot_size"), SqlTypes.plain(rs, "min_quantity"),
                        quantityScale),
                SqlTypes.instant(rs, "last_updated"));
    }

    private static RuntimeException refusal(String what, RuntimeException e) {
        return SqlErrors.integrityViolation(e)
                .<RuntimeException>map(v -> new IllegalArgumentException(what + " refused by the database: " + SqlErrors.summary(v), e))
                .orElse(e);
    }
}
