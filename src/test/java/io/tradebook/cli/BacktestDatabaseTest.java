package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tradebook backtest --db-symbol: bars stored by import bars run exactly as the same bars from the file. */
class BacktestDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void storedBarsGiveTheSameRunAsTheBundledFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tb").toAbsolutePath();
        CliRun imported = CliRun.of("import", "bars", "--bundled", "AAPL", "--db-url", url);
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Path fromDb = dir.resolve("db.json");
        Path fromFile = dir.resolve("file.json");
        CliRun db = CliRun.of("backtest", "--strategy", "sma-cross:fast=5,slow=15", "--db-symbol", "AAPL", "--db-url", url,
                "--from", "2013-03-01", "--json", fromDb.toString());
        assertThat(db.exitCode()).as(db.err()).isZero();
        CliRun file = CliRun.of("backtest", "--strategy", "sma-cross:fast=5,slow=15", "--data", "AAPL", "--from", "2013-03-01",
                "--json", fromFile.toString());
        assertThat(file.exitCode()).as(file.err()).isZero();

        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(fromDb.toFile());
        JsonNode b = mapper.readTree(fromFile.toFile());
        assertThat(a.get("run").get("symbols").get(0).get("source").asText()).startsWith("database AAPL");
        assertThat(a.get("finalEquity")).isEqualTo(b.get("finalEquity"));
        assertThat(a.get("fills")).isEqualTo(b.get("fills"));
        assertThat(a.get("equityCurve")).isEqualTo(b.get("equityCurve"));
    }

    @Test
    void anUnknownOrEmptySecurityIsRefused() {
        String url = "jdbc:h2:file:" + dir.resolve("empty").toAbsolutePath();
        CliRun run = CliRun.of("backtest", "--strategy", "sma-cross", "--db-symbol", "MSFT", "--db-url", url);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("tradebook: ").contains("no security MSFT in the database");

        assertThat(CliRun.of("import", "bars", "--bundled", "AAPL", "--db-url", url).exitCode()).isZero();
        CliRun wrongFrame = CliRun.of("backtest", "--strategy", "sma-cross", "--db-symbol", "AAPL", "--timeframe", "1h", "--db-url", url);
        assertThat(wrongFrame.exitCode()).isEqualTo(2);
        assertThat(wrongFrame.err()).contains("no 1h bars of AAPL");
    }
}
