package io.tradebook.core.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter specs and values: types, defaults, bounds, refusals that name the parameter; and the sizing rule. */
class ParametersTest {
    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.integer("period", 14, 2, 200, "bars"),
            ParameterSpec.decimal("level", "30", "0", "100", "RSI level"),
            ParameterSpec.flag("short", false, "may go short"),
            ParameterSpec.allocation());

    @Test
    void defaultsAndGivenValues() {
        Parameters p = Parameters.of(SPECS, Map.of("period", "20", "level", "25.5", "short", "TRUE"));
        assertThat(p.integer("period")).isEqualTo(20);
        assertThat(p.decimal("level")).isEqualByComparingTo("25.5");
        assertThat(p.number("level")).isEqualTo(25.5);
        assertThat(p.flag("short")).isTrue();
        assertThat(p.allocation()).isEqualByComparingTo("0.95");
        assertThat(p.toString()).isEqualTo("period=20, level=25.5, short=true, allocation=0.95");
        assertThat(Parameters.defaults(SPECS).asText()).containsExactly(Map.entry("period", "14"), Map.entry("level", "30"),
                Map.entry("short", "false"), Map.entry("allocation", "0.95"));
        assertThat(p.with("period", "21").integer("period")).isEqualTo(21);
        assertThat(Parameters.of(SPECS, Map.of("period", "20.0"))).isEqualTo(Parameters.of(SPECS, Map.of("period", "20")));
    }

    @Test
    void refusesNamingTheParameter() {
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("period", "1")))
                .hasMessage("parameter 'period' must be a whole number from 2 to 200, not 1");
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("period", "14.5")))
                .hasMessage("parameter 'period' must be a whole number from 2 to 200, not 14.5");
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("level", "1e3")))
                .hasMessage("parameter 'level' must be a number from 0 to 100, not '1e3'");
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("short", "yes"))).hasMessage("parameter 'short' must be true or false, not 'yes'");
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("allocation", "0")))
                .hasMessage("parameter 'allocation' must be a number above 0 and at most 1, not 0");
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("allocation", " ")))
                .hasMessage("parameter 'allocation' needs a value: a number above 0 and at most 1");
        assertThatThrownBy(() -> Parameters.of(SPECS, Map.of("perod", "3")))
                .hasMessage("there is no parameter 'perod'; the parameters are period, level, short, allocation");
        Parameters p = Parameters.defaults(SPECS);
        assertThatThrownBy(() -> p.flag("period")).hasMessage("parameter 'period' is a whole number, not true or false");
        assertThatThrownBy(() -> p.integer("missing")).hasMessage("no parameter 'missing'");
    }

    @Test
    void refusesBadSpecs() {
        assertThatThrownBy(() -> ParameterSpec.integer("Fast", 1, 1, 2, "")).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> ParameterSpec.integer("fast", 5, 10, 2, "")).hasMessageContaining("lower bound 10 above upper bound 2");
        assertThatThrownBy(() -> ParameterSpec.integer("fast", 50, 1, 10, ""))
                .hasMessage("parameter 'fast' must be a whole number from 1 to 10, not 50");
        assertThatThrownBy(() -> Parameters.of(List.of(ParameterSpec.flag("a", true, ""), ParameterSpec.flag("a", true, "")), Map.of()))
                .hasMessage("parameter 'a' is declared twice");
    }

    @Test
    void metadataAddsAllocationAndPrefixesTheCode() {
        StrategyMetadata m = StrategyMetadata.of("my-strategy", "Mine", "", StrategyCategory.OTHER, RiskLevel.LOW,
                List.of(ParameterSpec.integer("n", 3, 1, 9, "")));
        assertThat(m.parameters()).extracting(ParameterSpec::name).containsExactly("n", "allocation");
        Map<String, String> given = new LinkedHashMap<>();
        given.put("n", "10");
        assertThatThrownBy(() -> m.parameters(given)).hasMessage("my-strategy: parameter 'n' must be a whole number from 1 to 9, not 10");
        assertThatThrownBy(() -> StrategyMetadata.of("My Strategy", "x", "", StrategyCategory.OTHER, RiskLevel.LOW, List.of()))
                .hasMessageContaining("a strategy code is 1 to 50 lower-case letters");
    }

    @Test
    void sizingRoundsDownToWholeLots() {
        Currency usd = Currency.USD;
        Money equity = Money.of("10000", usd);
        assertThat(PositionSizing.units(new BigDecimal("0.5"), equity, Price.of("11", usd), Quantity.of(1))).isEqualTo(Quantity.of(454));
        assertThat(PositionSizing.units(new BigDecimal("1"), equity, Price.of("30000", usd), Quantity.of(1))).isEqualTo(Quantity.ZERO);
        assertThat(PositionSizing.units(new BigDecimal("1"), equity, Price.of("30000", usd), Quantity.of("0.00000001")))
                .isEqualTo(Quantity.of("0.33333333"));
        assertThat(PositionSizing.units(new BigDecimal("1"), Money.of("-5", usd), Price.of("1", usd), Quantity.of(1))).isEqualTo(Quantity.ZERO);
        assertThatThrownBy(() -> PositionSizing.units(new BigDecimal("1.5"), equity, Price.of("1", usd), Quantity.of(1)))
                .hasMessageContaining("allocation must be above 0 and at most 1");
    }

    @Test
    void ordersCarryAConfidenceInZeroToOne() {
        StrategyOrder o = StrategyOrder.market("X", io.tradebook.core.books.Side.BUY, Quantity.of(1)).withConfidence(0.123456);
        assertThat(o.confidence()).isEqualByComparingTo("0.1235");
        assertThatThrownBy(() -> o.withConfidence(1.5)).hasMessageContaining("confidence must be between 0 and 1");
        assertThatThrownBy(() -> o.withConfidence(new BigDecimal("-0.1"))).hasMessageContaining("confidence must be between 0 and 1");
        assertThatThrownBy(() -> o.withConfidence(Double.NaN)).hasMessageContaining("confidence must be between 0 and 1");
    }
}
