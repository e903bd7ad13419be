package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorsCommandTest {
    private static final Path AAPL = bundled("AAPL_2013-01-02_2013-12-31_daily.csv");
    private static final Path BTC = bundled("BTCUSD_bitstamp_2013-11-25_2013-12-01_5min.csv");
    private static final Map<String, String> GOLDEN_COLUMNS = Map.ofEntries(
            Map.entry("sma20", "sma_20"), Map.entry("ema20", "ema_20"), Map.entry("rsi14", "rsi_14"),
            Map.entry("atr14", "atr_14"), Map.entry("plus_di14", "plus_di_14"), Map.entry("minus_di14", "minus_di_14"),
            Map.entry("adx14", "adx_14"), Map.entry("bb20_lower", "bbands_20_2_lower"),
            Map.entry("bb20_middle", "bbands_20_2_middle"), Map.entry("bb20_upper", "bbands_20_2_upper"),
            Map.entry("macd_12_26", "macd_12_26_9_macd"), Map.entry("macd_signal_9", "macd_12_26_9_signal"),
            Map.entry("donchian20_high", "donchian_20_high"), Map.entry("donchian20_low", "donchian_20_low"));

    @TempDir
    Path dir;

    @Test
    void printsEveryIndicatorOfTheAaplFileAsTheGoldenValues() throws IOException {
        CliRun run = CliRun.of("indicators", AAPL.toString(), "--indicator", "sma:20", "--indicator", "ema:20", "-i", "rsi:14",
                "-i", "atr:14", "-i", "dmi:14", "-i", "bbands:20:2", "-i", "donchian:20", "-i", "macd:12:26:9");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,sma_20,ema_20,rsi_14,atr_14,plus_di_14,minus_di_14,adx_14,"
                + "bbands_20_2_lower,bbands_20_2_middle,bbands_20_2_upper,donchian_20_high,donchian_20_low,"
                + "macd_12_26_9_macd,macd_12_26_9_signal,macd_12_26_9_histogram");
        List<String> header = Arrays.asList(lines.get(0).split(","));
        List<String> golden = goldenLines();
        List<String> goldenHeader = Arrays.asList(golden.get(0).split(","));
        assertThat(lines).hasSize(golden.size());
        int compared = 0;
        for (int i = 1; i < golden.size(); i++) {
            String[] ours = lines.get(i).split(",", -1);
            String[] theirs = golden.get(i).split(",", -1);
            assertThat(ours).hasSize(header.size());
            assertThat(ours[0]).isEqualTo(theirs[0]);
            for (Map.Entry<String, String> column : GOLDEN_COLUMNS.entrySet()) {
                String expected = theirs[goldenHeader.indexOf(column.getKey())];
                String actual = ours[header.indexOf(column.getValue())];
                if (expected.equals("NA")) {
                    assertThat(actual).as("%s at %s", column.getValue(), ours[0]).isEmpty();
                } else {
                    double e = Double.parseDouble(expected);
                    // 8 printed decimals: within 1e-6 relative, or the half unit of the 8th decimal
                    assertThat(Double.parseDouble(actual)).as("%s at %s", column.getValue(), ours[0])
                            .isCloseTo(e, org.assertj.core.data.Offset.offset(Math.max(1e-6 * Math.abs(e), 5e-9)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(3000);
        assertThat(lines.get(34)).startsWith("2013-02-20,").doesNotContain(",,").doesNotContain("E"); // bar 34: the signal line is defined
        assertThat(lines.get(33)).startsWith("2013-02-19,").endsWith(",,");
        assertThat(lines.get(1)).isEqualTo("2013-01-02" + ",".repeat(header.size() - 1));
    }

    @Test
    void writesTheSameTableToAFileWithMinusO() throws IOException {
        Path out = dir.resolve("aapl-indicators.csv");
        CliRun toFile = CliRun.of("indicators", AAPL.toString(), "-i", "rsi,bbands:10:1.5", "-o", out.toString());
        CliRun toStdout = CliRun.of("indicators", AAPL.toString(), "-i", "rsi", "-i", "bbands:10:1.5");

        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(toStdout.out()).startsWith("date,rsi_14,bbands_10_1.5_lower,");
        assertThat(Files.list(dir)).containsExactly(out);
    }

    @Test
    void intradayBarsAreNamedByTheirStartInstant() {
        CliRun run = CliRun.of("indicators", BTC.toString(), "--timeframe", "5m", "-i", "donchian:2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().limit(3)).containsExactly("date,donchian_2_high,donchian_2_low",
                "2013-11-25T00:00:00Z,,", "2013-11-25T00:05:00Z,807.47,800.01");
        assertThat(run.err()).contains("tradebook: note: ");
    }

    @Test
    void closeOnlyFilesTakeCloseIndicatorsAndRefuseRangeOnes() throws IOException {
        Path closes = Files.writeString(dir.resolve("closes.csv"), "date,close\n2020-01-02,10\n2020-01-03,11\n2020-01-06,12.5\n");

        CliRun sma = CliRun.of("indicators", closes.toString(), "-i", "sma:2");
        CliRun atr = CliRun.of("indicators", closes.toString(), "-i", "sma:2", "-i", "atr:2");

        assertThat(sma.out()).isEqualTo("date,sma_2\n2020-01-02,\n2020-01-03,10.5\n2020-01-06,11.75\n");
        assertBadInput(atr, "tradebook: atr:2 needs highs and lows, but " + closes + " has closes only");
    }

    @Test
    void badSpecsAreRefusedBeforeAnythingIsPrinted() {
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "sma:20", "-i", "vwap:5"),
                "tradebook: --indicator: unknown indicator 'vwap' in spec 'vwap:5'; allowed: sma:n=20, ema:n=20");
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "rsi:x"),
                "tradebook: --indicator: spec 'rsi:x': n must be a whole number, not 'x' (rsi:n=14)");
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "macd:26:12"),
                "tradebook: --indicator: spec 'macd:26:12': fast must be below slow");
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "bbands:20:0"),
                "tradebook: --indicator: spec 'bbands:20:0': k must be a positive finite number");
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "sma:20", "-i", "sma"),
                "tradebook: --indicator: column sma_20 is asked for twice (sma)");
        assertBadInput(CliRun.of("indicators", AAPL.toString()), "Missing required option: '--indicator=SPEC'");
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "sma", "--timeframe", "2d"),
                "tradebook: --timeframe: unknown timeframe '2d': use one of 1m, 5m, 15m, 1h, 4h, 1d");
    }

    @Test
    void missingAndMalformedFilesAreRefused() throws IOException {
        Path missing = dir.resolve("missing.csv");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path inverted = Files.writeString(dir.resolve("inverted.csv"),
                "date,open,high,low,close,volume\n2020-01-02,10,11,9,10,5\n2020-01-03,10,9,11,10,5\n");
        Path garbled = Files.writeString(dir.resolve("garbled.csv"),
                "date,open,high,low,close,volume\n2020-01-02,10,11,9,ten,5\n");

        assertBadInput(CliRun.of("indicators", missing.toString(), "-i", "sma"), "tradebook: " + missing + ": no such file");
        assertBadInput(CliRun.of("indicators", dir.toString(), "-i", "sma"), "tradebook: " + dir + ": is a directory");
        assertBadInput(CliRun.of("indicators", empty.toString(), "-i", "sma"), "tradebook: " + empty + ": the file is empty");
        assertBadInput(CliRun.of("indicators", inverted.toString(), "-i", "sma"),
                "tradebook: " + inverted + ": row 2 (line 3): high 9 is below low 11");
        assertBadInput(CliRun.of("indicators", garbled.toString(), "-i", "sma"), "tradebook: " + garbled + ": row 1 (line 2): ");
        assertBadInput(CliRun.of("indicators", BTC.toString(), "-i", "sma"), "is not 00:00 UTC, where a daily bar starts");
    }

    @Test
    void aBadOutputPlaceWritesNothing() {
        Path nowhere = dir.resolve("no-such-dir").resolve("out.csv");

        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "sma", "-o", nowhere.toString()),
                "tradebook: -o: no such directory: " + nowhere.getParent());
        assertBadInput(CliRun.of("indicators", AAPL.toString(), "-i", "sma", "-o", dir.toString()),
                "tradebook: -o: " + dir + " is a directory");
        assertThat(dir.resolve("no-such-dir")).doesNotExist();
    }

    @Test
    void numbersHaveAtMostEightDecimalsAndNoExponent() {
        assertThat(IndicatorTable.format(35.288186859399)).isEqualTo("35.28818686");
        assertThat(IndicatorTable.format(0.5)).isEqualTo("0.5");
        assertThat(IndicatorTable.format(100)).isEqualTo("100");
        assertThat(IndicatorTable.format(1e-9)).isEqualTo("0");
        assertThat(IndicatorTable.format(-1e-9)).isEqualTo("0");
        assertThat(IndicatorTable.format(-0.0)).isEqualTo("0");
        assertThat(IndicatorTable.format(-24.5450327573107)).isEqualTo("-24.54503276");
        assertThat(IndicatorTable.format(1.5e12)).isEqualTo("1500000000000");
        assertThat(IndicatorTable.format(1.23e-7)).isEqualTo("0.00000012");
    }

    private static void assertBadInput(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }

    private static List<String> goldenLines() throws IOException {
        try (InputStream in = IndicatorsCommandTest.class.getResourceAsStream("/golden/AAPL_2013_daily_ttr.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Path bundled(String name) {
        try {
            return Path.of(IndicatorsCommandTest.class.getResource("/marketdata/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
