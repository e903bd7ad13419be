package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.strategies.PluginJars;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tradebook strategies, and backtests of a plugin strategy from a plugins folder. */
class StrategiesCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheBuiltIns() throws Exception {
        CliRun text = CliRun.of("strategies");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("sma-cross - SMA crossover [trend, risk MEDIUM, built-in, min capital 1000, 1d]")
                .contains("rsi-dmi - RSI DMI [mean_reversion, risk MEDIUM, built-in, min capital 1000, 1d]")
                .contains("rsi_period = 14  (a whole number from 2 to 100000)")
                .contains("fast = 10  (a whole number from 1 to 100000)")
                .contains("allocation = 0.95  (a number above 0 and at most 1)");
        CliRun json = CliRun.of("strategies", "--json");
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertThat(list.get(1).get("code").asText()).isEqualTo("sma-cross");
        assertThat(list.get(1).get("parameters").get(0).get("default").asText()).isEqualTo("10");
        assertThat(list.get(1).get("parameters").get(2).get("minExclusive").asBoolean()).isTrue();
    }

    @Test
    void runsAPluginStrategyAndRefusesTooLittleCapital() throws Exception {
        PluginJars.build(dir.resolve("always-long.jar"), Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("always-long")),
                List.of("example.plugin.AlwaysLong"));
        CliRun list = CliRun.of("strategies", "--plugins", dir.toString());
        assertThat(list.out()).contains("always-long - Always long (plugin) [momentum, risk HIGH, always-long.jar, min capital 500]");

        CliRun run = CliRun.of("backtest", "--plugins", dir.toString(), "--strategy", "always-long:hold=2", "--data", "AAPL", "--json", "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("trades").get(0).get("confidence").asText()).isEqualTo("0.75");
        assertThat(json.get("fills").get(0).get("confidence").asText()).isEqualTo("0.75");

        CliRun poor = CliRun.of("backtest", "--plugins", dir.toString(), "--strategy", "always-long", "--data", "AAPL", "--cash", "499");
        assertThat(poor.exitCode()).isEqualTo(2);
        assertThat(poor.err()).contains("strategy always-long needs a capital of at least 500 USD but would get 499");
    }
}
