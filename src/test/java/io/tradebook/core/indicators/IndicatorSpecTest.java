package io.tradebook.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "sma:20;      sma_20",
        "sma;         sma_20",
        "ema:9;       ema_9",
        "rsi;         rsi_14",
        "RSI:7;       rsi_7",
        "atr:10;      atr_10",
        "dmi;         plus_di_14 minus_di_14 adx_14",
        "adx:21;      plus_di_21 minus_di_21 adx_21",
        "bbands;      bbands_20_2_lower bbands_20_2_middle bbands_20_2_upper",
        "bbands:10:2.5; bbands_10_2.5_lower bbands_10_2.5_middle bbands_10_2.5_upper",
        "bbands:20:2.0; bbands_20_2_lower bbands_20_2_middle bbands_20_2_upper",
        "donchian:55; donchian_55_high donchian_55_low",
        "macd;        macd_12_26_9_macd macd_12_26_9_signal macd_12_26_9_histogram",
        "macd:5:35;   macd_5_35_9_macd macd_5_35_9_signal macd_5_35_9_histogram",
    })
    void aSpecNamesItsColumns(String spec, String columns) {
        IndicatorSpec parsed = IndicatorSpec.parse(spec);
        assertThat(parsed.columns()).containsExactly(columns.split(" "));
        assertThat(parsed.create().outputs()).extracting(Output::name).containsExactly(columns.split(" "));
    }

    @Test
    void eachCreateIsAFreshIndicatorOfTheRightKind() {
        IndicatorSpec spec = IndicatorSpec.parse(" macd:3:8:4 ");
        Indicator first = spec.create();
        first.update(1, 1, 1);
        Macd second = (Macd) spec.create();
        assertThat(second).isNotSameAs(first);
        assertThat(second.outputs()).noneMatch(Output::isDefined);
        assertThat(second.fastPeriod()).isEqualTo(3);
        assertThat(second.slowPeriod()).isEqualTo(8);
        assertThat(second.signalPeriod()).isEqualTo(4);
        assertThat(spec).hasToString("macd:3:8:4");
        assertThat(IndicatorSpec.parse("adx").create()).isInstanceOf(Dmi.class);
        assertThat(((BollingerBands) IndicatorSpec.parse("bbands:5:1.5").create()).k()).isEqualTo(1.5);
    }

    @Test
    void badSpecsAreRefusedWithTheSpecAndWhatIsAllowed() {
        assertThatThrownBy(() -> IndicatorSpec.parse("vwap:20")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown indicator 'vwap' in spec 'vwap:20'; allowed: sma:n=20, ema:n=20, rsi:n=14, atr:n=14, dmi:n=14,"
                        + " adx:n=14, bbands:n=20:k=2, donchian:n=20, macd:fast=12:slow=26:signal=9");
        assertThatThrownBy(() -> IndicatorSpec.parse("")).hasMessageStartingWith("empty indicator spec; allowed: sma:n=20");
        assertThatThrownBy(() -> IndicatorSpec.parse(null)).hasMessageStartingWith("empty indicator spec");
        assertThatThrownBy(() -> IndicatorSpec.parse("sma:20:3"))
                .hasMessage("spec 'sma:20:3' has 2 parameters; sma takes at most 1: sma:n=20");
        assertThatThrownBy(() -> IndicatorSpec.parse("rsi:fourteen"))
                .hasMessage("spec 'rsi:fourteen': n must be a whole number, not 'fourteen' (rsi:n=14)");
        assertThatThrownBy(() -> IndicatorSpec.parse("sma:2.5")).hasMessageStartingWith("spec 'sma:2.5': n must be a whole number");
        assertThatThrownBy(() -> IndicatorSpec.parse("sma:")).hasMessage("spec 'sma:': n must be a whole number, not '' (sma:n=20)");
        assertThatThrownBy(() -> IndicatorSpec.parse("bbands:20:wide")).hasMessageStartingWith("spec 'bbands:20:wide': k must be a number");
        assertThatThrownBy(() -> IndicatorSpec.parse("sma:0"))
                .hasMessage("spec 'sma:0': n must be between 1 and 1000000, not 0 (sma:n=20)");
        assertThatThrownBy(() -> IndicatorSpec.parse("bbands:20:-2")).hasMessageStartingWith("spec 'bbands:20:-2': k must be a positive");
        assertThatThrownBy(() -> IndicatorSpec.parse("bbands:20:NaN")).hasMessageStartingWith("spec 'bbands:20:NaN': k must be a positive");
        assertThatThrownBy(() -> IndicatorSpec.parse("macd:26:12"))
                .hasMessage("spec 'macd:26:12': fast must be below slow, not fast 26 and slow 12 (macd:fast=12:slow=26:signal=9)");
        assertThatThrownBy(() -> IndicatorSpec.parse("donchian:99999999999")).hasMessage("spec 'donchian:99999999999': n must be between 1 and 1000000, not 99999999999 (donchian:n=20)");
    }
}
