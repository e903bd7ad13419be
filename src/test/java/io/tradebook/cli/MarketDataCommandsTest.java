package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.AggregatedBar;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.BarAggregator;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.marketdata.BarCsv;
import io.tradebook.marketdata.BundledData;
import io.tradebook.marketdata.MarketDataFiles;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.NewSecurity;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import bars and export bars against an H2 file of their own: summaries, round trips, aggregation and every refusal. */
class MarketDataCommandsTest {
    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("tb").toAbsolutePath();
    }

    private CliRun run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db-url";
        all[args.length + 1] = url;
        return CliRun.of(all);
    }

    private <T> T withDatabase(Function<Database, T> work) {
        try (Database db = Database.open(new DatabaseConfig(url, "sa", ""))) {
            db.migrate();
            return work.apply(db);
        }
    }

    private long stored(String ticker, Timeframe timeframe) {
        return withDatabase(db -> new SecurityRepository(db.jdbi()).findByTicker(ticker).stream()
                .mapToLong(s -> new PriceHistoryRepository(db.jdbi()).count(s, timeframe)).sum());
    }

    private int securities(String ticker) {
        return withDatabase(db -> new SecurityRepository(db.jdbi()).findByTicker(ticker).size());
    }

    private Path copy(String name) throws IOException {
        Path target = dir.resolve(name);
        Files.copy(MarketDataFiles.path(name), target);
        return target;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("tradebook: ").contains(message);
    }

    @Test
    void importingSpxCreatesTheSecurityAndSaysWhatItDid() throws IOException {
        Path spx = copy(MarketDataFiles.SPX);
        CliRun imported = run("import", "bars", spx.toString(), "--symbol", "SPX", "--timeframe", "1d", "--security-type", "index",
                "--name", "S&P 500");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(spx + ": 5105 rows, 5105 1d bars of SPX from 2000-01-03T00:00:00Z to 2020-04-17T00:00:00Z")
                .contains("stored as SPX on INDEX (index, USD, created): 5105 inserted, 0 already present, 0 replaced")
                .contains("note: 185 gaps between daily bars, weekends aside");
        Security security = withDatabase(db -> new SecurityRepository(db.jdbi()).find("SPX", "INDEX").orElseThrow());
        assertThat(security.name()).isEqualTo("S&P 500");
        assertThat(security.type()).isEqualTo(SecurityType.INDEX);

        CliRun again = run("import", "bars", spx.toString(), "--symbol", "SPX", "--timeframe", "1d");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("stored as SPX on INDEX (index, USD, existing): 0 inserted, 5105 already present, 0 replaced");
        assertThat(stored("SPX", Timeframe.D1)).isEqualTo(5105);
    }

    @Test
    void importThenExportGivesTheSameRowsForEveryBundledFile() throws IOException {
        CliRun imported = run("import", "bars", "--bundled", "all");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("stored as BTCUSD on BITSTAMP (crypto, USD, created): 1917 inserted")
                .contains("note: fractional volumes with up to 8 decimals (e.g. 5.75288384 at 2013-11-25T00:00:00Z), kept exactly");
        for (BundledData.Series series : BundledData.all()) {
            Path out = dir.resolve(series.symbol() + "-export.csv");
            CliRun exported = run("export", "bars", "--symbol", series.symbol(), "--timeframe", series.timeframe().code(), "-o", out.toString());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            assertThat(exported.out()).startsWith("exported ");
            MarketDataFiles.assertSameRows(out, MarketDataFiles.path(series.resource()));
        }
    }

    @Test
    void aCloseOnlyColumnRoundTripsAsDateAndClose() throws IOException {
        Path dj30 = copy(MarketDataFiles.DJ30);
        CliRun imported = run("import", "bars", dj30.toString(), "--symbol", "KO", "--timeframe", "1d", "--exchange", "NYSE");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2529 rows, 2528 1d bars of KO").contains("note: close only (column KO of a table of 30 tickers' closes)")
                .contains("note: skipped row 1 (1990-12-31, line 2)");
        CliRun named = run("import", "bars", dj30.toString(), "--symbol", "COKE", "--column", "KO", "--timeframe", "1d");
        assertThat(named.exitCode()).as(named.err()).isZero();

        CliRun exported = run("export", "bars", "--symbol", "KO", "--timeframe", "1d", "--from", "2000-12-28");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).isEqualTo("date,close\n2000-12-28,60.6\n2000-12-29,60.48\n2001-01-02,60.36\n");
        assertThat(exported.err()).contains("exported 3 1d bars of KO on NYSE from 2000-12-28T00:00:00Z to 2001-01-02T00:00:00Z to standard output");

        List<String> column = new ArrayList<>(List.of("date,close"));
        List<String> lines = Files.readAllLines(dj30);
        for (String line : lines.subList(2, lines.size())) { // the padding row 1990-12-31 is not a bar
            String[] f = line.split(",");
            column.add(f[0] + "," + f[7]);
        }
        Path all = dir.resolve("ko.csv");
        assertThat(run("export", "bars", "--symbol", "KO", "--timeframe", "1d", "-o", all.toString()).exitCode()).isZero();
        MarketDataFiles.assertSameRows(Files.readAllLines(all), column);
        int empty = withDatabase(db -> db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM price_history WHERE open IS NULL AND high IS NULL AND low IS NULL AND volume IS NULL")
                .mapTo(Integer.class).one()));
        assertThat(empty).isEqualTo(2 * 2528);
    }

    @Test
    void exportBuildsLongerBarsFromShorterOnesAndSaysWhichBucketsAreShort() throws IOException {
        assertThat(run("import", "bars", "--bundled", "BTCUSD").exitCode()).isZero();
        CliRun hourly = run("export", "bars", "--symbol", "BTCUSD", "--timeframe", "1h");
        assertThat(hourly.exitCode()).as(hourly.err()).isZero();

        List<Bar> fiveMinutes = BundledData.find("BTCUSD").orElseThrow().read().bars();
        List<AggregatedBar> expected = BarAggregator.aggregate(fiveMinutes, Timeframe.M5, Timeframe.H1);
        StringWriter csv = new StringWriter();
        BarCsv.write(expected.stream().map(AggregatedBar::bar).toList(), Timeframe.H1, false, csv);
        assertThat(hourly.out()).isEqualTo(csv.toString());
        assertThat(hourly.out().lines().count()).isEqualTo(1 + 161);
        assertThat(hourly.err()).contains("built 161 1h bars of BTCUSD on BITSTAMP from 1917 stored 5m bars")
                .contains("note: 3 of the 161 1h bars miss some 5m bars; first: 2013-11-25T10:00:00Z has 11 of 12");

        CliRun day = run("export", "bars", "--symbol", "BTCUSD", "--timeframe", "1d", "--from-timeframe", "5m", "--from", "2013-11-26",
                "--to", "2013-11-26T12:00:00Z");
        assertThat(day.exitCode()).as(day.err()).isZero();
        assertThat(day.out().lines().toList()).hasSize(2).element(1).asString().startsWith("2013-11-26,");
        assertThat(day.err()).contains("from 288 stored 5m bars");
    }

    @Test
    void aDifferentBarIsRefusedUnlessReplacing() throws IOException {
        Path first = file("a.csv", "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,1\n2024-01-03,10,11,9,10,2\n");
        Path second = file("b.csv", "date,open,high,low,close,volume\n2024-01-03,10,11,9,10.5,2\n2024-01-04,10,11,9,10,3\n");
        assertThat(run("import", "bars", first.toString(), "--symbol", "X", "--timeframe", "1d").exitCode()).isZero();
        CliRun refused = run("import", "bars", second.toString(), "--symbol", "X", "--timeframe", "1d");
        assertRefused(refused, "1 of the 2 1d bars of X on OTC differ from the bars stored at the same times; first: 2024-01-03T00:00:00Z "
                + "(close 10 stored, 10.5 offered); nothing was written; use --replace to overwrite them");
        assertThat(refused.out()).isEmpty();
        assertThat(stored("X", Timeframe.D1)).isEqualTo(2);
        CliRun replaced = run("import", "bars", second.toString(), "--symbol", "X", "--timeframe", "1d", "--replace");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("1 inserted, 0 already present, 1 replaced");
    }

    @Test
    void aMalformedFileImportsNothingNotEvenItsSecurity() throws IOException {
        Path bad = file("bad.csv", "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,1\n2024-01-03,10,9,11,10,1\n");
        assertRefused(run("import", "bars", bad.toString(), "--symbol", "X", "--timeframe", "1d"),
                bad + ": row 2 (line 3): high 9 is below low 11 (nothing was imported)");
        assertThat(securities("X")).isZero();
        assertRefused(run("import", "bars", dir.resolve("none.csv").toString(), "--symbol", "X", "--timeframe", "1d"),
                dir.resolve("none.csv") + ": no such file (nothing was imported)");
        Path daily = copy(MarketDataFiles.AAPL);
        assertRefused(run("import", "bars", daily.toString(), "--symbol", "AAPL", "--timeframe", "5m"),
                "row 1 (line 2): '2013-01-02' is a date without a time of day, but 5m bars need one");
        assertThat(securities("AAPL")).isZero();
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsRead() throws IOException {
        Path aapl = copy(MarketDataFiles.AAPL);
        String f = aapl.toString();
        assertRefused(run("import", "bars", f, "--timeframe", "1d"), "--symbol is required");
        assertRefused(run("import", "bars", f, "--symbol", "AAPL"), "--timeframe is required: one of 1m, 5m, 15m, 1h, 4h, 1d");
        assertRefused(run("import", "bars", f, "--symbol", "AAPL", "--timeframe", "1w"), "--timeframe: unknown timeframe '1w': use one of 1m, 5m");
        assertRefused(run("import", "bars", f, "--symbol", "AAPL", "--timeframe", "1d", "--security-type", "stock"),
                "--security-type must be one of equity, etf, bond, option, future, index, crypto, not 'stock'");
        assertRefused(run("import", "bars", f, "--symbol", "AAPL", "--timeframe", "1d", "--currency", "usd"), "--currency: currency code must be");
        assertRefused(run("import", "bars"), "give a bar file (FILE.csv) or --bundled SYMBOL");
        assertRefused(run("import", "bars", f, "--bundled", "SPX"), "--bundled names the data itself");
        assertRefused(run("import", "bars", "--bundled", "DJ30"), "--bundled must be one of SPX, AAPL, ETHUSD, BTCUSD or all, not 'DJ30'");
        Path dj30 = copy(MarketDataFiles.DJ30);
        assertRefused(run("import", "bars", dj30.toString(), "--symbol", "SPX", "--timeframe", "1d"),
                "there is no column 'SPX'; the columns are AA, AXP, T");
        assertRefused(run("import", "bars", f, "--symbol", "AAPL", "--column", "AAPL", "--timeframe", "1d"),
                "is not a table of ticker columns");
        assertThat(securities("AAPL")).isZero();
    }

    @Test
    void anExistingSecurityKeepsItsTypeAndCurrency() throws IOException {
        Path aapl = copy(MarketDataFiles.AAPL);
        assertThat(run("import", "bars", aapl.toString(), "--symbol", "AAPL", "--timeframe", "1d", "--exchange", "NASDAQ").exitCode()).isZero();
        assertRefused(run("import", "bars", aapl.toString(), "--symbol", "AAPL", "--timeframe", "1d", "--security-type", "crypto"),
                "AAPL on NASDAQ is equity, not crypto (--security-type); nothing was imported");
        assertRefused(run("import", "bars", aapl.toString(), "--symbol", "AAPL", "--timeframe", "1d", "--currency", "EUR"),
                "AAPL on NASDAQ trades in USD, not EUR (--currency); nothing was imported");

        withDatabase(db -> new SecurityRepository(db.jdbi()).create(NewSecurity.of("AAPL", "XETRA", SecurityType.EQUITY, "Apple",
                Currency.of("EUR"))));
        assertRefused(run("import", "bars", aapl.toString(), "--symbol", "AAPL", "--timeframe", "1d"),
                "AAPL is listed on several exchanges (NASDAQ, XETRA); name the exchange with --exchange; nothing was imported");
        CliRun euro = run("import", "bars", aapl.toString(), "--symbol", "AAPL", "--timeframe", "1d", "--exchange", "XETRA");
        assertThat(euro.exitCode()).as(euro.err()).isZero();
        assertThat(euro.out()).contains("stored as AAPL on XETRA (equity, EUR, existing): 252 inserted");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1d"), "AAPL is listed on several exchanges (NASDAQ, XETRA)");
    }

    @Test
    void exportRefusalsWriteNoFile() throws IOException {
        assertThat(run("import", "bars", "--bundled", "AAPL").exitCode()).isZero();
        Path out = dir.resolve("out.csv");
        String o = out.toString();
        assertRefused(run("export", "bars", "--symbol", "MSFT", "--timeframe", "1d", "-o", o), "no security MSFT in the database; import its bars first");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1h", "-o", o),
                "no 1h bars of AAPL on NASDAQ and no shorter ones to build them from; stored: 1d (252 bars, 2013-01-02T00:00:00Z to "
                        + "2013-12-31T00:00:00Z); nothing was written");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1d", "--from", "2014-01-01", "-o", o),
                "no 1d bars of AAPL on NASDAQ in the range given; stored: 1d (252 bars");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1d", "--from", "2013-06-01", "--to", "2013-05-01", "-o", o),
                "--from 2013-06-01 is after --to 2013-05-01");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1d", "--from", "June", "-o", o),
                "--from must be a date (2013-01-02) or an ISO-8601 time with a zone");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1h", "--from-timeframe", "1d", "-o", o),
                "--from-timeframe: 1h bars cannot be built from 1d bars: 1h is not longer than 1d");
        assertRefused(run("export", "bars", "--symbol", "AAPL", "--timeframe", "1x", "-o", o), "--timeframe: unknown timeframe '1x'");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void mixedCloseOnlyAndFullBarsExportButDoNotAggregate() throws IOException {
        Path mixed = file("mixed.csv", "date,open,high,low,close,volume\n2024-01-02T10:00:00Z,10,11,9,10,1\n2024-01-02T10:05:00Z,,,,10.5,\n");
        assertThat(run("import", "bars", mixed.toString(), "--symbol", "X", "--timeframe", "5m").exitCode()).isZero();
        CliRun same = run("export", "bars", "--symbol", "X", "--timeframe", "5m");
        assertThat(same.out()).isEqualTo("date,open,high,low,close,volume\n2024-01-02T10:00:00Z,10,11,9,10,1\n2024-01-02T10:05:00Z,,,,10.5,\n");
        assertRefused(run("export", "bars", "--symbol", "X", "--timeframe", "1h"), "mix close-only and full bars, which cannot be aggregated");
    }
}
