package io.tradebook.cli;

import io.tradebook.core.backtest.BarSeries;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.marketdata.BarCsv;
import io.tradebook.marketdata.BarFile;
import io.tradebook.marketdata.BarFileException;
import io.tradebook.marketdata.BundledData;
import io.tradebook.store.Database;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the bars of {@code tradebook backtest} into series, each refusal a
 * {@link UserInputException} naming the option:
 *
 * <pre>
 * --data SYMBOL=FILE.csv     a bar file (OHLCV or close-only), read as SYMBOL
 * --data SYMBOL              the data bundled in the jar for SYMBOL
 * --db-symbol TICKER[@EXCH]  the security's stored bars of the timeframe, from the database
 * --instrument SYMBOL=TYPE   the kind of security a file's symbol is (equity, etf, index, crypto, …)
 * </pre>
 *
 * Without {@code --timeframe} each source has its own: a file's from its times
 * ({@link BarCsv#timeframeOf}), a bundled series' its own, a stored security's the one timeframe
 * stored for it.
 *
 * A file's or bundled symbol trades by the defaults of its type (crypto in satoshis, the rest in
 * whole units), a stored security by its trading rules; in both the tick is refined to the data's
 * precision when the data has prices off it ({@link BarSeries#atDataPrecision}). The reader's notes
 * on odd rows are printed to standard error. Stateless apart from its inputs.
 */
final class BarSources {
    /** What one source gave: the series and where it came from. */
    record Source(BarSeries series, String origin, Timeframe timeframe) {
    }

    private final Timeframe timeframe;
    private final boolean timeframeGiven;
    private final Currency currency;
    private final Map<String, SecurityType> types;
    private final PrintWriter err;

    BarSources(Timeframe timeframe, boolean timeframeGiven, Currency currency, List<String> instrumentOptions, PrintWriter err) {
        this.timeframe = timeframe;
        this.timeframeGiven = timeframeGiven;
        this.currency = currency;
        this.err = err;
        this.types = new LinkedHashMap<>();
        for (String text : instrumentOptions) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new UserInputException("--instrument " + text + ": expected SYMBOL=TYPE, e.g. BTCUSD=crypto");
            }
            types.put(text.substring(0, eq).strip(), type(text, text.substring(eq + 1).strip()));
        }
    }

    private static SecurityType type(String text, String code) {
        for (SecurityType t : SecurityType.values()) {
            if (t.name().equalsIgnoreCase(code)) {
                return t;
            }
        }
        throw new UserInputException("--instrument " + text + ": the type is one of equity, etf, bond, option, future, index, crypto, not '"
                + code + "'");
    }

    /** The series of every {@code --data} value, in the order given. */
    List<Source> files(List<String> data, Instant from, Instant until) {
        List<Source> sources = new ArrayList<>();
        for (String text : data) {
            int eq = text.indexOf('=');
            String symbol = (eq < 0 ? text : text.substring(0, eq)).strip();
            if (symbol.isEmpty()) {
                throw new UserInputException("--data " + text + ": expected SYMBOL=FILE.csv, or SYMBOL for bundled data ("
                        + BundledData.symbols() + ")");
            }
            sources.add(eq < 0 ? bundled(text, symbol, from, until) : file(text, symbol, Path.of(text.substring(eq + 1).strip()), from,
                    until));
        }
        for (String symbol : types.keySet()) {
            if (sources.stream().noneMatch(s -> s.series().symbol().equals(symbol))) {
                throw new UserInputException("--instrument " + symbol + ": no --data of " + symbol);
            }
        }
        return sources;
    }

    private Source file(String text, String symbol, Path path, Instant from, Instant until) {
        if (!Files.isRegularFile(path)) {
            throw new UserInputException("--data " + text + ": no such file: " + path);
        }
        BarFile file;
        Timeframe frame;
        try {
            frame = timeframeGiven ? timeframe : BarCsv.timeframeOf(path);
            file = BarCsv.read(path, symbol, frame, currency);
        } catch (BarFileException e) {
            throw new UserInputException("--data " + text + ": " + e.getMessage(), e);
        }
        SecurityType type = types.getOrDefault(symbol, BundledData.find(symbol).map(BundledData.Series::type).orElse(SecurityType.EQUITY));
        return source(text, file, Instrument.defaults(symbol, type, currency), from, until, path.toString(), frame);
    }

    private Source bundled(String text, String symbol, Instant from, Instant until) {
        BundledData.Series series = BundledData.find(symbol).orElseThrow(() -> new UserInputException("--data " + text
                + ": no bundled data of " + symbol + " (bundled: " + BundledData.symbols() + "); give a file: --data " + symbol + "=FILE.csv"));
        if (timeframeGiven && series.timeframe() != timeframe) {
            throw new UserInputException("--data " + text + ": the bundled " + series.symbol() + " bars are " + series.timeframe().code()
                    + ", not " + timeframe.code());
        }
        if (currency != Currency.USD) {
            throw new UserInputException("--data " + text + ": the bundled data is in USD, not " + currency);
        }
        SecurityType type = types.getOrDefault(series.symbol(), series.type());
        return source(text, series.read(), Instrument.defaults(series.symbol(), type, currency), from, until,
                "bundled " + series.resource(), series.timeframe());
    }

    private Source source(String text, BarFile file, Instrument instrument, Instant from, Instant until, String origin,
                          Timeframe frame) {
        for (String note : file.notes()) {
            err.println("tradebook: note: " + file.source() + ": " + note);
        }
        return new Source(series("--data " + text, instrument, () -> file.bars(), from, until), origin, frame);
    }

    /** The stored bars of every {@code --db-symbol} value, from {@code database}. */
    List<Source> stored(Database database, List<String> tickers, Instant from, Instant until) {
        SecurityRepository securities = new SecurityRepository(database.jdbi());
        PriceHistoryRepository prices = new PriceHistoryRepository(database.jdbi());
        List<Source> sources = new ArrayList<>();
        for (String text : tickers) {
            int at = text.indexOf('@');
            String ticker = (at < 0 ? text : text.substring(0, at)).strip();
            String exchange = at < 0 ? null : text.substring(at + 1).strip();
            Security security = MarketDataOptions.security(securities, ticker, exchange);
            if (security.currency() != currency) {
                throw new UserInputException("--db-symbol " + text + ": " + security.label() + " trades in " + security.currency()
                        + ", the run is in " + currency + " (--currency)");
            }
            Timeframe frame = timeframeGiven ? timeframe : storedTimeframe(prices, security, text);
            List<Bar> bars = prices.range(security, frame, from, until);
            if (bars.isEmpty()) {
                throw new UserInputException("--db-symbol " + text + ": no " + frame.code() + " bars of " + security.label()
                        + " stored" + (from != null || until != null ? " in the period asked for" : "") + "; import them first");
            }
            Instrument instrument = SecurityRepository.instrument(security);
            sources.add(new Source(series("--db-symbol " + text, instrument, () -> bars, null, null), "database " + security.label(),
                    frame));
        }
        return sources;
    }

    /** The one timeframe stored for {@code security}; refuses none or several (asking for --timeframe). */
    private static Timeframe storedTimeframe(PriceHistoryRepository prices, Security security, String text) {
        List<Timeframe> stored = prices.series(security).stream().map(PriceHistoryRepository.StoredSeries::timeframe).toList();
        if (stored.size() == 1) {
            return stored.get(0);
        }
        throw new UserInputException("--db-symbol " + text + ": " + (stored.isEmpty() ? "no bars of " + security.label()
                + " stored; import them first" : security.label() + " has bars of " + String.join(", ", stored.stream()
                .map(Timeframe::code).toList()) + " stored; choose one with --timeframe"));
    }

    private static BarSeries series(String what, Instrument instrument, Supplier<List<Bar>> bars, Instant from, Instant until) {
        try {
            return BarSeries.atDataPrecision(instrument, bars.get()).between(from, until);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(what + ": " + e.getMessage(), e);
        }
    }
}
