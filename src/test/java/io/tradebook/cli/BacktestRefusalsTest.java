package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input of tradebook backtest exits 2 with a message naming the problem and writes nothing. */
class BacktestRefusalsTest {
    @TempDir
    static Path dir;

    private Path json;
    private Path report;

    @BeforeEach
    void outputs() throws IOException {
        json = dir.resolve("out.json");
        report = dir.resolve("out.html");
        Files.deleteIfExists(json);
        Files.deleteIfExists(report);
    }

    static Stream<Arguments> refusals() throws IOException {
        Path bad = Files.writeString(Files.createTempDirectory("tb-refusals").resolve("bad.csv"),
                "date,open,high,low,close,volume\n2024-01-01,10,9,11,10,1\n");
        return Stream.of(
                refused("unknown strategy 'nope'", "--strategy", "nope", "--data", "SPX"),
                refused("no strategy code", "--strategy", ":fast=3", "--data", "SPX"),
                refused("parameter 'fast' must be a whole number from 1 to 100000, not 0", "--strategy", "sma-cross", "--param", "fast=0",
                        "--data", "SPX"),
                refused("strategy sma-cross: parameter 'fast' must be a whole number from 1 to 100000, not 1.5", "--strategy", "sma-cross:fast=1.5",
                        "--data", "SPX"),
                refused("there is no parameter 'fats'", "--strategy", "sma-cross:fats=3", "--data", "SPX"),
                refused("parameter 'allocation' must be a number above 0 and at most 1, not 1.5", "--strategy", "sma-cross",
                        "--param", "allocation=1.5", "--data", "SPX"),
                refused("fast (30) must be below slow (10)", "--strategy", "sma-cross:fast=30,slow=10", "--data", "SPX"),
                refused("parameter fast of sma-cross is given twice", "--strategy", "sma-cross:fast=3", "--param", "fast=4", "--data", "SPX"),
                refused("the run has several strategies", "--strategy", "sma-cross", "--strategy", "buy-and-hold", "--param", "fast=4",
                        "--data", "SPX"),
                refused("two strategies are named sma-cross", "--strategy", "sma-cross", "--strategy", "sma-cross:fast=5", "--data", "SPX"),
                refused("no strategy named 'other'", "--strategy", "sma-cross", "--budget", "other=0.5", "--data", "SPX"),
                refused("a budget is a fraction of the cash above 0 and at most 1, not '2'", "--strategy", "sma-cross", "--budget",
                        "sma-cross=2", "--data", "SPX"),
                refused("the budgets add up to 1.2 of the cash", "--strategy", "a=sma-cross", "--strategy", "b=buy-and-hold",
                        "--budget", "a=0.6", "--budget", "b=0.6", "--data", "SPX"),
                refused("trades from the shared pool, but the budgets take all the cash", "--strategy", "a=sma-cross", "--strategy",
                        "b=buy-and-hold", "--budget", "a=1", "--data", "SPX"),
                refused("trades MSFT, which has no bars in this run", "--strategy", "sma-cross", "--symbols", "sma-cross=MSFT",
                        "--data", "SPX"),
                refused("no bars: give --data", "--strategy", "sma-cross"),
                refused("no such file", "--strategy", "sma-cross", "--data", "XYZ=/no/such/file.csv"),
                refused("no bundled data of MSFT", "--strategy", "sma-cross", "--data", "MSFT"),
                refused("the bundled SPX bars are 1d, not 5m", "--strategy", "sma-cross", "--data", "SPX", "--timeframe", "5m"),
                refused("high 9 is below low 11", "--strategy", "sma-cross", "--data", "XYZ=" + bad),
                refused("unknown timeframe '2d'", "--strategy", "sma-cross", "--data", "SPX", "--timeframe", "2d"),
                refused("--cash must be a plain decimal number of at least 0, not 'lots'", "--strategy", "sma-cross", "--data", "SPX",
                        "--cash", "lots"),
                refused("--cash must be above 0", "--strategy", "sma-cross", "--data", "SPX", "--cash", "0"),
                refused("the bundled data is in USD, not EUR", "--strategy", "sma-cross", "--data", "SPX", "--currency", "EUR"),
                refused("--account-type must be cash or margin, not 'broker'", "--strategy", "sma-cross", "--data", "SPX",
                        "--account-type", "broker"),
                refused("--from must be a date", "--strategy", "sma-cross", "--data", "SPX", "--from", "yesterday"),
                refused("--from 2010-01-01 is after --to 2009-01-01", "--strategy", "sma-cross", "--data", "SPX", "--from", "2010-01-01",
                        "--to", "2009-01-01"),
                refused("no bar of SPX in the period asked for", "--strategy", "sma-cross", "--data", "SPX", "--from", "2030-01-01"),
                refused("--commission-min goes with --commission-per-share", "--strategy", "sma-cross", "--data", "SPX",
                        "--commission-min", "1"),
                refused("--commission-bps must be a plain decimal number of at least 0, not '-1'", "--strategy", "sma-cross", "--data",
                        "SPX", "--commission-bps", "-1"),
                refused("give --slippage-bps or --slippage, not both", "--strategy", "sma-cross", "--data", "SPX", "--slippage-bps", "1",
                        "--slippage", "0.01"),
                refused("--json: no such directory", "--strategy", "sma-cross", "--data", "SPX", "--json", "/no/such/dir/x.json"),
                refused("--report shows one run", "--strategy", "sma-cross", "--data", "SPX", "--grid", "fast=5,10", "--report",
                        "REPORT"),
                refused("sma-cross has no parameter 'fats'", "--strategy", "sma-cross", "--data", "SPX", "--grid", "fats=5,10"),
                refused("the step must be above 0", "--strategy", "sma-cross", "--data", "SPX", "--grid", "fast=5..20:0"),
                refused("the range runs backwards", "--strategy", "sma-cross", "--data", "SPX", "--grid", "fast=20..5:5"),
                refused("parameter 'fast' must be a whole number from 1 to 100000, not 0", "--strategy", "sma-cross", "--data", "SPX",
                        "--grid", "fast=0..10:5"),
                refused("cannot rank by 'luck'", "--strategy", "sma-cross", "--data", "SPX", "--grid", "fast=5,10", "--rank", "luck"),
                refused("--threads must be at least 1", "--strategy", "sma-cross", "--data", "SPX", "--grid", "fast=5,10", "--threads",
                        "0"),
                refused("--plugins: no such directory", "--strategy", "sma-cross", "--data", "SPX", "--plugins", "/no/such/plugins"),
                refused("the type is one of equity", "--strategy", "sma-cross", "--data", "SPX", "--instrument", "SPX=stock"),
                refused("--instrument MSFT: no --data of MSFT", "--strategy", "sma-cross", "--data", "SPX", "--instrument", "MSFT=equity"));
    }

    private static Arguments refused(String message, String... args) {
        return Arguments.of(message, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void exitsTwoWithTheReasonAndWritesNothing(String message, String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[0] = "backtest";
        System.arraycopy(args, 0, all, 1, args.length);
        boolean hasJson = Arrays.asList(args).contains("--json");
        String[] withOutputs = hasJson ? all : Stream.concat(Arrays.stream(all), Stream.of("--json", json.toString())).toArray(String[]::new);
        for (int i = 0; i < withOutputs.length; i++) {
            if (withOutputs[i].equals("REPORT")) {
                withOutputs[i] = report.toString();
            }
        }
        CliRun run = CliRun.of(withOutputs);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("tradebook: ").contains(message);
        assertThat(json).doesNotExist();
        assertThat(report).doesNotExist();
        assertThat(run.out()).isEmpty();
    }
}
