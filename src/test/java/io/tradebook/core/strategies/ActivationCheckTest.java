package io.tradebook.core.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.ActivationCheck.CapitalSource;
import io.tradebook.core.strategies.ActivationRefusal.Reason;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two activation rules without a database: parameters named when refused, and the minimum capital with both amounts. */
class ActivationCheckTest {
    private static final StrategyDefinition RSI_DMI = StrategyCatalog.builtIn().require("rsi-dmi");

    @Test
    void parameters() {
        assertThat(ActivationCheck.parameters(RSI_DMI, Map.of("rsi_period", "21", "adx_threshold", "20.5"))).isEmpty();
        assertThat(ActivationCheck.parameters(RSI_DMI, Map.of("rsi_period", "x"))).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.BAD_PARAMETER);
            assertThat(r.message()).isEqualTo("rsi-dmi: parameter 'rsi_period' must be a whole number from 2 to 100000, not 'x'");
        });
        assertThat(ActivationCheck.parameters(RSI_DMI, Map.of("rsi_overbought", "30")).orElseThrow().message())
                .isEqualTo("rsi-dmi: rsi_oversold (30) must be below rsi_overbought (30)");
    }

    @Test
    void capital() {
        Money eur = Money.of("999.5", Currency.of("EUR"));
        assertThat(ActivationCheck.capital("rsi", new BigDecimal("1000"), eur, CapitalSource.ALLOCATION)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Reason.BELOW_MIN_CAPITAL);
            assertThat(r.message()).isEqualTo("strategy rsi needs a capital of at least 1000 EUR but would get 999.5 EUR (its allocation)");
        });
        assertThat(ActivationCheck.capital("rsi", new BigDecimal("999.50"), eur, CapitalSource.SHARED_POOL)).isEmpty();
        assertThat(ActivationCheck.capital("manual", null, Money.of("0", Currency.USD), CapitalSource.SHARED_POOL)).isEmpty();
        assertThatThrownBy(() -> new ActivationRefusal(Reason.BAD_NAME, " ")).hasMessage("a refusal needs a message");
    }
}
