package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.StrategyCatalogRepository;
import io.tradebook.store.StrategyPerformanceRepository;
import io.tradebook.store.StrategyPerformanceRepository.Snapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
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
    void saveStoresEachStrategysMetricsAsABacktestSnapshot() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("saved").toAbsolutePath();
        CliRun run = CliRun.of("backtest", "--strategy", "sma-cross", "--strategy", "buy-and-hold", "--budget", "buy-and-hold=0.5",
                "--data", "AAPL", "--save", "--db-url", url, "--json", "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("tradebook: saved 2 performance snapshots");
        JsonNode json = new ObjectMapper().readTree(run.out());
        try (Database database = Database.open(new DatabaseConfig(url, "sa", ""))) {
            UUID sma = new StrategyCatalogRepository(database.jdbi()).find("sma-cross").orElseThrow();
            List<Snapshot> saved = new StrategyPerformanceRepository(database.jdbi()).listForStrategy(sma);
            assertThat(saved).hasSize(1);
            Snapshot s = saved.get(0);
            assertThat(s.source()).isEqualTo(StrategyPerformanceRepository.Source.BACKTEST);
            assertThat(s.periodStart()).hasToString(json.get("run").get("start").asText());
            assertThat(s.periodEnd()).hasToString(json.get("run").get("end").asText());
            assertThat(s.tradesCount()).isEqualTo(json.get("strategies").get(0).get("metrics").get("trades").asInt());
            assertThat(s.sharpe()).isEqualByComparingTo(new BigDecimal(json.get("strategies").get(0).get("metrics").get("sharpe").asText())
                    .setScale(10, RoundingMode.HALF_EVEN));
            int shown = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM active_strategies_performance WHERE name IN ('SMA crossover', 'Buy and hold')")
                    .mapTo(Integer.class).one());
            assertThat(shown).isEqualTo(2);
        }
        CliRun grid = CliRun.of("backtest", "--strategy", "sma-cross", "--data", "AAPL", "--save", "--grid", "fast=5,10", "--db-url", url);
        assertThat(grid.exitCode()).isEqualTo(2);
        assertThat(grid.err()).contains("--save stores one run");
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
