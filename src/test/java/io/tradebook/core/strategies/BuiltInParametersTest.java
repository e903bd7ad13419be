package io.tradebook.core.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.marketdata.Timeframe;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-ins' declared parameters (names, kinds, defaults, bounds) as docs/strategies.md lists
 * them, their metadata, and the refusals: a value out of bounds or of the wrong kind and an unknown
 * name refused with a message naming the strategy and the parameter, and combinations the
 * strategy's check refuses naming both parameters.
 */
class BuiltInParametersTest {
    private static final StrategyCatalog CATALOG = StrategyCatalog.builtIn();

    private static StrategyMetadata meta(String code) {
        return CATALOG.require(code).metadata();
    }

    private static List<String> declared(String code) {
        return meta(code).parameters().stream().map(ParameterSpec::toString).toList();
    }

    @Test
    void theDeclaredParameters() {
        assertThat(CATALOG.codes()).isEqualTo("buy-and-hold, sma-cross, ema-cross, rsi, rsi-dmi, bollinger-reversion, donchian-breakout");
        String allocation = "allocation (a number above 0 and at most 1, default 0.95)";
        assertThat(declared("ema-cross")).containsExactly("fast (a whole number from 1 to 100000, default 12)",
                "slow (a whole number from 2 to 100000, default 26)", allocation);
        assertThat(declared("rsi")).containsExactly("period (a whole number from 2 to 100000, default 14)",
                "oversold (a number from 1 to 99, default 30)", "overbought (a number from 1 to 99, default 70)", allocation);
        assertThat(declared("rsi-dmi")).containsExactly("rsi_period (a whole number from 2 to 100000, default 14)",
                "rsi_oversold (a number from 1 to 99, default 30)", "rsi_overbought (a number from 1 to 99, default 70)",
                "dmi_period (a whole number from 2 to 100000, default 14)", "adx_threshold (a number from 0 to 100, default 25)",
                allocation);
        assertThat(declared("bollinger-reversion")).containsExactly("period (a whole number from 2 to 100000, default 20)",
                "k (a number from 0.1 to 10, default 2)", allocation);
        assertThat(declared("donchian-breakout")).containsExactly("entry_period (a whole number from 1 to 100000, default 20)",
                "exit_period (a whole number from 1 to 100000, default 10)", allocation);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "buy-and-hold, portfolio, HIGH",
        "sma-cross, trend, MEDIUM",
        "ema-cross, trend, MEDIUM",
        "rsi, mean_reversion, HIGH",
        "rsi-dmi, mean_reversion, MEDIUM",
        "bollinger-reversion, mean_reversion, MEDIUM",
        "donchian-breakout, breakout, MEDIUM",
    })
    void theMetadata(String code, String category, RiskLevel risk) {
        StrategyMetadata m = meta(code);
        assertThat(m.category().code()).isEqualTo(category);
        assertThat(m.riskLevel()).isEqualTo(risk);
        assertThat(m.minCapital()).isEqualByComparingTo("1000");
        assertThat(m.timeframe()).isEqualTo(Timeframe.D1);
        assertThat(m.symbols()).isEmpty();
        assertThat(CATALOG.require(code).expectations()).isPresent();
        assertThat(CATALOG.require(code).check(m.defaults())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "ema-cross | fast | 0 | ema-cross: parameter 'fast' must be a whole number from 1 to 100000, not 0",
        "ema-cross | slow | 26.5 | ema-cross: parameter 'slow' must be a whole number from 2 to 100000, not 26.5",
        "rsi | period | 1 | rsi: parameter 'period' must be a whole number from 2 to 100000, not 1",
        "rsi | oversold | 0 | rsi: parameter 'oversold' must be a number from 1 to 99, not 0",
        "rsi | overbought | 100 | rsi: parameter 'overbought' must be a number from 1 to 99, not 100",
        "rsi | oversold | low | rsi: parameter 'oversold' must be a number from 1 to 99, not 'low'",
        "rsi-dmi | rsi_period | 100001 | rsi-dmi: parameter 'rsi_period' must be a whole number from 2 to 100000, not 100001",
        "rsi-dmi | rsi_oversold | -5 | rsi-dmi: parameter 'rsi_oversold' must be a number from 1 to 99, not -5",
        "rsi-dmi | dmi_period | 1 | rsi-dmi: parameter 'dmi_period' must be a whole number from 2 to 100000, not 1",
        "rsi-dmi | adx_threshold | 100.5 | rsi-dmi: parameter 'adx_threshold' must be a number from 0 to 100, not 100.5",
        "bollinger-reversion | period | 1 | bollinger-reversion: parameter 'period' must be a whole number from 2 to 100000, not 1",
        "bollinger-reversion | k | 0 | bollinger-reversion: parameter 'k' must be a number from 0.1 to 10, not 0",
        "bollinger-reversion | k | 2e0 | bollinger-reversion: parameter 'k' must be a number from 0.1 to 10, not '2e0'",
        "donchian-breakout | entry_period | 0 | donchian-breakout: parameter 'entry_period' must be a whole number from 1 to 100000, not 0",
        "donchian-breakout | exit_period | 2.5 | donchian-breakout: parameter 'exit_period' must be a whole number from 1 to 100000, not 2.5",
        "donchian-breakout | allocation | 1.5 | donchian-breakout: parameter 'allocation' must be a number above 0 and at most 1, not 1.5",
        "rsi-dmi | oversold | 30 | rsi-dmi: there is no parameter 'oversold'; the parameters are rsi_period, rsi_oversold, rsi_overbought, dmi_period, adx_threshold, allocation",
    })
    void aBadValueIsRefusedNamingTheParameter(String code, String name, String value, String message) {
        assertThatThrownBy(() -> meta(code).parameters(Map.of(name, value))).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(meta("rsi-dmi").parameters(Map.of("rsi_oversold", "1", "rsi_overbought", "99", "adx_threshold", "0")).decimal("adx_threshold"))
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(meta("bollinger-reversion").parameters(Map.of("k", "0.1")).number("k")).isEqualTo(0.1);
        assertThat(meta("donchian-breakout").parameters(Map.of("entry_period", "1", "exit_period", "100000")).integer("exit_period"))
                .isEqualTo(100_000);
    }

    @Test
    void combinationsTheStrategyCannotRunAreRefusedNamingBoth() {
        assertThat(check("ema-cross", Map.of("fast", "26", "slow", "26"))).contains("fast (26) must be below slow (26)");
        assertThat(check("ema-cross", Map.of("fast", "25", "slow", "26"))).isEmpty();
        assertThat(check("rsi", Map.of("oversold", "70", "overbought", "30"))).contains("oversold (70) must be below overbought (30)");
        assertThat(check("rsi", Map.of("oversold", "49.5", "overbought", "49.5"))).contains("oversold (49.5) must be below overbought (49.5)");
        assertThat(check("rsi-dmi", Map.of("rsi_oversold", "80"))).contains("rsi_oversold (80) must be below rsi_overbought (70)");
    }

    private static Optional<String> check(String code, Map<String, String> values) {
        return CATALOG.require(code).check(meta(code).parameters(values));
    }
}
