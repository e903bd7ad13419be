package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tradebook backtest --strategy CODE} runs every built-in, at its defaults and with a
 * parameter given, on the bundled AAPL bars; the figures are those of BuiltInsOnBundledDataTest
 * and of docs/strategies.md. A bad parameter value exits 2 naming the parameter.
 */
class BuiltInBacktestsCommandTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "buy-and-hold, 1, 0, 102273.22",
        "sma-cross, 7, 3, 102303.91",
        "ema-cross, 7, 3, 109649.02",
        "rsi, 2, 1, 102730",
        "rsi-dmi, 2, 1, 113921.64",
        "bollinger-reversion, 8, 4, 116467.97",
        "donchian-breakout, 10, 5, 95934.93",
    })
    void runsOnBundledData(String code, int fills, int trades, String finalEquity) throws Exception {
        CliRun run = CliRun.of("backtest", "--strategy", code, "--data", "AAPL", "--json", "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("finalEquity").asText()).isEqualTo(finalEquity);
        assertThat(json.get("fills")).hasSize(fills);
        assertThat(json.get("trades")).hasSize(trades);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rsi-dmi:rsi_oversold=0 | rsi-dmi: parameter 'rsi_oversold' must be a number from 1 to 99, not 0",
        "rsi:oversold=80 | rsi: oversold (80) must be below overbought (70)",
        "bollinger-reversion:k=x | bollinger-reversion: parameter 'k' must be a number from 0.1 to 10, not 'x'",
    })
    void refusesABadParameterNamingIt(String strategy, String message) {
        CliRun run = CliRun.of("backtest", "--strategy", strategy, "--data", "AAPL");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }
}
