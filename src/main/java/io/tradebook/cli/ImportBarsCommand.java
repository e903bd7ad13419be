package io.tradebook.cli;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.marketdata.BarCsv;
import io.tradebook.marketdata.BarFile;
import io.tradebook.marketdata.BarFileException;
import io.tradebook.marketdata.BundledData;
import io.tradebook.store.Database;
import io.tradebook.store.NewSecurity;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.PriceHistoryRepository.StoreResult;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.StoredBarsDifferException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tradebook import bars FILE.csv --symbol X --timeframe 1d}: reads a bar file whole (see
 * {@link BarCsv}), then stores its bars as the symbol's series, creating the security when it is
 * missing. A malformed file, a bar that differs from a stored one (without {@code --replace}) or a
 * bad option changes nothing (exit 2). Importing the same file again stores nothing twice.
 * {@code --bundled SYMBOL|all} imports the data shipped in the jar instead of a file.
 */
@Command(name = "bars", description = {
    "Import a bar file (date,open,high,low,close,volume; date,close; or date,TICKER,... with --column) as the bars of a symbol.",
    "The file is checked whole first; each odd case is noted; importing it again stores nothing twice."})
final class ImportBarsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv", description = "The bar file.")
    Path file;

    @Option(names = "--symbol", description = "Ticker of the bars (the security's ticker).")
    String symbol;

    @Option(names = "--timeframe", description = "Bar length: 1m, 5m, 15m, 1h, 4h or 1d.")
    String timeframe;

    @Option(names = "--column", description = "The ticker column to read from a file with one close column per ticker (default: --symbol).")
    String column;

    @Option(names = "--security-type", description = "Type of a security created by the import: equity, etf, bond, option, future, "
            + "index or crypto (default equity).")
    String securityType;

    @Option(names = "--exchange", description = "Exchange of the security (default: the one exchange listing the ticker; "
            + "for a new security CRYPTO for crypto, INDEX for an index, else OTC).")
    String exchange;

    @Option(names = "--currency", description = "Currency of the prices (default: the security's, else USD).")
    String currency;

    @Option(names = "--name", description = "Name of a security created by the import (default: the symbol).")
    String name;

    @Option(names = "--replace", description = "Overwrite stored bars that differ from the file's (default: refuse them).")
    boolean replace;

    @Option(names = "--bundled", paramLabel = "SYMBOL|all", description = "Import bundled data instead of a file: ${COMPLETION-CANDIDATES}.",
            completionCandidates = BundledSymbols.class)
    String bundled;

    /** The bundled symbols and {@code all}, for the help text. */
    static final class BundledSymbols implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>(BundledData.all().stream().map(BundledData.Series::symbol).toList());
            names.add("all");
            return names.iterator();
        }
    }

    /** One series to import: where it comes from and how to read it. */
    private record Source(String label, String symbol, Timeframe timeframe, SecurityType type, String exchange, String name,
                          Function<Currency, BarFile> reader) {
    }

    @Override
    public Integer call() {
        List<Source> sources = bundled != null ? bundledSources() : List.of(fileSource());
        Currency wanted = currency == null ? null : MarketDataOptions.currency(currency);
        // Every file is read and checked before the database is opened, so a bad one changes nothing.
        List<BarFile> files = sources.stream().map(s -> read(s, wanted == null ? Currency.USD : wanted)).toList();
        try (Database database = db.openMigrated()) {
            SecurityRepository securities = new SecurityRepository(database.jdbi());
            PriceHistoryRepository prices = new PriceHistoryRepository(database.jdbi());
            for (int i = 0; i < sources.size(); i++) {
                importOne(securities, prices, sources.get(i), files.get(i), wanted);
            }
        }
        return 0;
    }

    private List<Source> bundledSources() {
        if (file != null || symbol != null || timeframe != null || column != null || securityType != null || name != null) {
            throw new UserInputException("--bundled names the data itself: give no FILE, --symbol, --timeframe, --column, "
                    + "--security-type or --name with it");
        }
        List<BundledData.Series> series = bundled.equalsIgnoreCase("all") ? BundledData.all()
                : BundledData.find(bundled).map(List::of).orElseThrow(() -> new UserInputException("--bundled must be one of "
                        + BundledData.symbols() + " or all, not '" + bundled + "'"));
        return series.stream().map(s -> new Source("bundled " + s.resource(), s.symbol(), s.timeframe(), s.type(),
                exchange != null ? exchange : s.exchange(), s.name(), cur -> {
                    if (cur != Currency.USD) {
                        throw new UserInputException("bundled data is priced in USD, not " + cur);
                    }
                    return s.read();
                })).toList();
    }

    private Source fileSource() {
        if (file == null) {
            throw new UserInputException("give a bar file (FILE.csv) or --bundled SYMBOL");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new UserInputException("--symbol is required: the ticker the bars belong to");
        }
        if (timeframe == null) {
            throw new UserInputException("--timeframe is required: one of " + Timeframe.codes());
        }
        Timeframe tf = MarketDataOptions.timeframe("--timeframe", timeframe);
        SecurityType type = securityType == null ? SecurityType.EQUITY : MarketDataOptions.securityType(securityType);
        return new Source(file.toString(), symbol.trim(), tf, type, exchange, name, cur -> {
            String ticker = column != null ? column : tableColumn();
            return ticker == null ? BarCsv.read(file, symbol.trim(), tf, cur) : BarCsv.readColumn(file, ticker, symbol.trim(), tf, cur);
        });
    }

    /** For a file with a close column per ticker and no --column: the --symbol column. */
    private String tableColumn() {
        List<String> tickers = BarCsv.columns(file);
        return tickers.isEmpty() ? null : symbol.trim();
    }

    private static BarFile read(Source source, Currency currency) {
        try {
            return source.reader.apply(currency);
        } catch (BarFileException e) {
            throw new UserInputException(e.getMessage() + " (nothing was imported)", e);
        }
    }

    private void importOne(SecurityRepository securities, PriceHistoryRepository prices, Source source, BarFile bars, Currency wanted) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Security> existing = find(securities, source);
        Security security;
        String how;
        if (existing.isPresent()) {
            security = existing.get();
            how = "existing";
            if (securityType != null && security.type() != source.type) {
                throw new UserInputException(security.label() + " is " + MarketDataOptions.typeName(security.type()) + ", not "
                        + MarketDataOptions.typeName(source.type) + " (--security-type); nothing was imported");
            }
            if (wanted != null && wanted != security.currency()) {
                throw new UserInputException(security.label() + " trades in " + security.currency() + ", not " + wanted
                        + " (--currency); nothing was imported");
            }
            if (security.currency() != (wanted == null ? Currency.USD : wanted)) {
                bars = read(source, security.currency()); // read in USD by default; the security trades in another currency
            }
        } else {
            String venue = source.exchange != null ? source.exchange : defaultExchange(source.type);
            Currency cur = wanted == null ? Currency.USD : wanted;
            security = securities.create(NewSecurity.of(source.symbol, venue, source.type,
                    source.name != null ? source.name : source.symbol, cur).withDataSource("csv"));
            how = "created";
        }
        StoreResult result;
        try {
            result = prices.store(security, source.timeframe, bars.bars(), replace, "csv:" + fileName(source.label));
        } catch (StoredBarsDifferException e) {
            throw new UserInputException(e.getMessage() + "; use --replace to overwrite them", e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        out.printf("%s: %d rows, %d %s bars of %s from %s to %s%n", source.label, bars.rows(), bars.bars().size(), source.timeframe,
                security.ticker(), bars.bars().get(0).time(), bars.bars().get(bars.bars().size() - 1).time());
        out.printf("stored as %s (%s, %s, %s): %d inserted, %d already present, %d replaced%n", security.label(),
                MarketDataOptions.typeName(security.type()), security.currency(), how, result.inserted(), result.alreadyPresent(),
                result.replaced());
        bars.notes().forEach(note -> out.println("note: " + note));
    }

    private Optional<Security> find(SecurityRepository securities, Source source) {
        try {
            return securities.resolve(source.symbol, source.exchange);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage() + " with --exchange; nothing was imported", e);
        }
    }

    static String defaultExchange(SecurityType type) {
        return switch (type) {
            case CRYPTO -> "CRYPTO";
            case INDEX -> "INDEX";
            default -> "OTC";
        };
    }

    private static String fileName(String label) {
        return label.startsWith("bundled ") ? label.substring("bundled ".length()) : Path.of(label).getFileName().toString();
    }
}
