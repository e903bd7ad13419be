package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tradebook backtest: a run on the bundled S&P 500 with its JSON and report, several strategies, files, and byte-identical output. */
class BacktestCommandTest {
    static final List<String> METRICS = List.of("totalReturn", "cagr", "volatility", "sharpe", "sortino", "maxDrawdown", "calmar",
            "winRate", "profitFactor", "trades", "exposure");

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void smaCrossOnTheBundledSpxWritesTheJsonWithEveryField() throws IOException {
        Path out = dir.resolve("run.json");
        CliRun cli = run("backtest", "--strategy", "sma-cross", "--data", "SPX", "--timeframe", "1d", "--cash", "100000",
                "--param", "fast=10", "--param", "slow=30", "--json", out.toString());

        JsonNode json = json(out);
        assertThat(json.get("finalEquity").isTextual()).isTrue();
        assertThat(json.get("finalEquity").asText()).isEqualTo(json.get("strategies").get(0).get("finalEquity").asText());
        for (String metric : METRICS) {
            assertThat(json.get("metrics").has(metric)).as(metric).isTrue();
            assertThat(json.get("strategies").get(0).get("metrics").has(metric)).as(metric).isTrue();
        }
        assertThat(json.get("metrics").get("sharpe").isTextual()).isTrue();
        assertThat(json.get("metrics").get("trades").isInt()).isTrue();
        JsonNode fill = json.get("fills").get(0);
        for (String field : List.of("time", "symbol", "side", "quantity", "price", "fee", "strategy")) {
            assertThat(fill.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(fill.get("symbol").asText()).isEqualTo("SPX");
        assertThat(json.get("trades").size()).isEqualTo(json.get("metrics").get("trades").asInt());
        JsonNode trade = json.get("trades").get(0);
        for (String field : List.of("entryTime", "exitTime", "entryPrice", "exitPrice", "size", "pnl", "fees")) {
            assertThat(trade.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(json.get("equityCurve").size()).isEqualTo(json.get("run").get("bars").asInt());
        assertThat(json.get("equityCurve").get(0).get("equity").asText()).isEqualTo("100000");
        assertThat(json.get("strategies").get(0).get("parameters").get("fast").asText()).isEqualTo("10");
        assertThat(json.get("run").get("symbols").get(0).get("source").asText()).startsWith("bundled ");
        // the summary still goes to standard output
        assertThat(cli.out()).contains("backtest: sma-cross").contains("finalEquity");
    }

    @Test
    void theSameRunWritesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path ra = dir.resolve("a.html");
        Path rb = dir.resolve("b.html");
        String[] args = {"backtest", "--strategy", "sma-cross:fast=5,slow=20", "--strategy", "hold=buy-and-hold", "--budget", "hold=0.4",
            "--data", "SPX", "--data", "AAPL", "--commission-per-share", "0.005", "--commission-min", "1", "--slippage-bps", "2"};
        run(with(args, "--json", a.toString(), "--report", ra.toString()));
        run(with(args, "--json", b.toString(), "--report", rb.toString()));
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(rb)).isEqualTo(Files.readAllBytes(ra));
        assertThat(Files.readString(ra)).startsWith("<!DOCTYPE html>").contains("<svg").contains("hold");
    }

    @Test
    void jsonToStandardOutputIsTheSameAsTheFile() throws IOException {
        Path file = dir.resolve("run.json");
        run("backtest", "--strategy", "sma-cross", "--data", "AAPL", "--json", file.toString());
        CliRun stdout = run("backtest", "--strategy", "sma-cross", "--data", "AAPL", "--json", "-");
        assertThat(stdout.out()).isEqualTo(Files.readString(file));
    }

    @Test
    void severalStrategiesShareTheAccountAndTheirBooksAddUp() throws IOException {
        Path out = dir.resolve("multi.json");
        run("backtest", "--strategy", "fast=sma-cross:fast=5,slow=20,allocation=0.4", "--strategy", "slow=sma-cross:fast=20,slow=60",
                "--strategy", "buy-and-hold", "--budget", "slow=0.3", "--budget", "buy-and-hold=0.2", "--symbols", "buy-and-hold=SPX",
                "--data", "SPX", "--data", "AAPL", "--json", out.toString());
        JsonNode json = json(out);
        JsonNode strategies = json.get("strategies");
        assertThat(strategies.size()).isEqualTo(3);
        // capital: the pool keeps 50%; budgets 30% and 20%
        assertThat(strategies.get(0).get("capital").asText()).isEqualTo("50000");
        assertThat(strategies.get(1).get("capital").asText()).isEqualTo("30000");
        assertThat(strategies.get(2).get("capital").asText()).isEqualTo("20000");
        assertThat(strategies.get(2).get("symbols").toString()).isEqualTo("[\"SPX\"]");
        // the strategies' P&L adds up to the account's, to the last digit
        java.math.BigDecimal pnl = java.math.BigDecimal.ZERO;
        for (JsonNode s : strategies) {
            pnl = pnl.add(new java.math.BigDecimal(s.get("finalEquity").asText())).subtract(new java.math.BigDecimal(s.get("capital").asText()));
        }
        assertThat(pnl).isEqualByComparingTo(new java.math.BigDecimal(json.get("finalEquity").asText()).subtract(new java.math.BigDecimal("100000")));
        List<String> traded = new ArrayList<>();
        json.get("fills").forEach(f -> traded.add(f.get("strategy").asText() + ":" + f.get("symbol").asText()));
        assertThat(traded).contains("fast:SPX", "fast:AAPL", "slow:SPX", "buy-and-hold:SPX").doesNotContain("buy-and-hold:AAPL");
    }

    @Test
    void aBarFileAndTheDateRange() throws IOException {
        Path csv = Files.writeString(dir.resolve("xyz.csv"), "date,open,high,low,close,volume\n"
                + "2024-01-01,10,10.2,9.8,10,1000\n2024-01-02,10,10.1,8.9,9,1000\n2024-01-03,9,9.1,7.9,8,1000\n"
                + "2024-01-04,8,9.2,7.9,9,1000\n2024-01-05,9,11.1,8.9,11,1000\n2024-01-06,11.5,13.2,11.4,13,1000\n"
                + "2024-01-07,13,13.1,11.8,12,1000\n2024-01-08,12,12.2,9.9,10,1000\n2024-01-09,9.5,9.8,7.9,8,1000\n"
                + "2024-01-10,8,9.1,7.9,9,1000\n");
        Path out = dir.resolve("xyz.json");
        run("backtest", "--strategy", "sma-cross:fast=2,slow=3,allocation=0.5", "--data", "XYZ=" + csv, "--cash", "10000",
                "--commission-per-order", "1", "--json", out.toString());
        JsonNode json = json(out);
        assertThat(json.get("finalEquity").asText()).isEqualTo("9090");
        assertThat(json.get("fills").get(0).get("price").asText()).isEqualTo("11.5");
        assertThat(json.get("fills").get(0).get("time").asText()).isEqualTo("2024-01-06T00:00:00Z");
        assertThat(json.get("fills").get(1).get("price").asText()).isEqualTo("9.5");

        run("backtest", "--strategy", "sma-cross:fast=2,slow=3", "--data", "XYZ=" + csv, "--from", "2024-01-03", "--to", "2024-01-07",
                "--json", out.toString());
        assertThat(json(out).get("run").get("bars").asInt()).isEqualTo(5);
        assertThat(json(out).get("run").get("start").asText()).isEqualTo("2024-01-03T00:00:00Z");
    }

    @Test
    void aFilesTimeframeComesFromItsTimesWhenNotGiven() throws IOException {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (int h = 0; h < 48; h++) {
            double p = 100 + 5 * Math.sin(h / 4.0);
            csv.append(String.format(java.util.Locale.ROOT, "2024-01-%02dT%02d:00:00Z,%.2f,%.2f,%.2f,%.2f,10%n", 1 + h / 24, h % 24, p, p + 1,
                    p - 1, p));
        }
        Path file = Files.writeString(dir.resolve("hourly.csv"), csv.toString());
        CliRun run = run("backtest", "--strategy", "sma-cross:fast=2,slow=5", "--data", "H=" + file, "--json", "-");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("run").get("timeframe").asText()).isEqualTo("1h");
        assertThat(json.get("run").get("bars").asInt()).isEqualTo(48);
        assertThat(json.get("fills").size()).isGreaterThan(1);
    }

    @Test
    void cryptoTradesInSatoshis() throws IOException {
        Path out = dir.resolve("btc.json");
        run("backtest", "--strategy", "sma-cross", "--data", "BTCUSD", "--cash", "1000", "--periods-per-year", "365",
                "--json", out.toString());
        JsonNode json = json(out);
        assertThat(json.get("run").get("timeframe").asText()).isEqualTo("5m");
        assertThat(json.get("run").get("symbols").get(0).get("lotSize").asText()).isEqualTo("0.00000001");
        assertThat(json.get("fills").get(0).get("quantity").asText()).contains(".");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
