package io.tradebook.core.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trade-idea analyser on series whose figures are known in closed form. */
class BasketAnalyserTest {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    /** {@code n} daily closes starting at 100, each {@code growth} times the one before (exact decimals). */
    private static List<BasketAnalyser.Close> geometric(int n, String growth) {
        List<BasketAnalyser.Close> closes = new ArrayList<>();
        BigDecimal price = BigDecimal.valueOf(100);
        for (int t = 0; t < n; t++) {
            closes.add(new BasketAnalyser.Close(START.plus(Duration.ofDays(t)), price));
            price = price.multiply(new BigDecimal(growth));
        }
        return closes;
    }

    @Test
    void aLongLegGrowingOnePercentADayReturnsItsCompoundedGrowthWithNoRisk() {
        var analysis = BasketAnalyser.analyse(List.of(new BasketAnalyser.Leg("UP", true, BigDecimal.valueOf(100))),
                Map.of("UP", geometric(22, "1.01")));
        assertThat(analysis.days()).isEqualTo(22);
        assertThat(analysis.returnEstimates().get("1m").doubleValue()).isCloseTo(Math.pow(1.01, 21) - 1, within(1e-9));
        assertThat(analysis.returnEstimates().get("3m")).isNull();
        assertThat(analysis.returnEstimates().get("3y")).isNull();
        assertThat(analysis.volatility().doubleValue()).isCloseTo(0, within(1e-9));
        assertThat(analysis.riskLevel()).isEqualTo(BasketAnalyser.RiskLevel.LOW);
        assertThat(analysis.recommendation()).isEqualTo(BasketAnalyser.Recommendation.RECOMMENDED);
        assertThat(analysis.rationale()).contains("long UP 100%").contains("over 1m it returned 23.24%");
    }

    @Test
    void aShortHalfAllocationLosesHalfTheDailyGainAndIsNotRecommended() {
        var analysis = BasketAnalyser.analyse(List.of(new BasketAnalyser.Leg("UP", false, BigDecimal.valueOf(50))),
                Map.of("UP", geometric(64, "1.01")));
        // every window: 63 or 21 days of -0.5% a day
        assertThat(analysis.returnEstimates().get("1m").doubleValue()).isCloseTo(Math.pow(0.995, 21) - 1, within(1e-9));
        assertThat(analysis.returnEstimates().get("3m").doubleValue()).isCloseTo(Math.pow(0.995, 63) - 1, within(1e-9));
        assertThat(analysis.recommendation()).isEqualTo(BasketAnalyser.Recommendation.NOT_RECOMMENDED);
    }

    @Test
    void aLegAlternatingUpAndDownHasTheVolatilityOfItsReturns() {
        List<BasketAnalyser.Close> closes = new ArrayList<>();
        for (int t = 0; t < 41; t++) {
            closes.add(new BasketAnalyser.Close(START.plus(Duration.ofDays(t)), BigDecimal.valueOf(t % 2 == 0 ? 100 : 110)));
        }
        var analysis = BasketAnalyser.analyse(List.of(new BasketAnalyser.Leg("ZIG", true, BigDecimal.valueOf(100))), Map.of("ZIG", closes));
        double[] daily = new double[40];
        for (int t = 0; t < 40; t++) {
            daily[t] = t % 2 == 0 ? 0.1 : 100.0 / 110 - 1;
        }
        assertThat(analysis.volatility().doubleValue()).isCloseTo(BasketAnalyser.stdev(daily) * Math.sqrt(252), within(1e-9));
        assertThat(analysis.volatility().doubleValue()).isGreaterThan(1.4); // ~9.5% a day
        assertThat(analysis.riskLevel()).isEqualTo(BasketAnalyser.RiskLevel.HIGH);
    }

    @Test
    void theSameLegsAndClosesGiveTheSameAnalysisWhateverTheOrderTheClosesCameIn() {
        List<BasketAnalyser.Close> a = geometric(300, "1.0007");
        List<BasketAnalyser.Close> b = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            b.add(new BasketAnalyser.Close(START.plus(Duration.ofDays(t)), BigDecimal.valueOf(50 + (t * 37 % 11))));
        }
        List<BasketAnalyser.Leg> legs = List.of(new BasketAnalyser.Leg("A", true, new BigDecimal("60")),
                new BasketAnalyser.Leg("B", false, new BigDecimal("25.5")));
        var first = BasketAnalyser.analyse(legs, Map.of("A", a, "B", b));
        List<BasketAnalyser.Close> shuffled = new ArrayList<>(b);
        Collections.reverse(shuffled);
        var second = BasketAnalyser.analyse(legs, Map.of("A", a, "B", shuffled));
        assertThat(second).isEqualTo(first);
        assertThat(first.returnEstimates().get("1y")).isNotNull();
    }

    @Test
    void refusesNoLegsMissingClosesAndTooShortAHistory() {
        var leg = new BasketAnalyser.Leg("UP", true, BigDecimal.TEN);
        assertThatThrownBy(() -> BasketAnalyser.analyse(List.of(), Map.of())).hasMessageContaining("at least one leg");
        assertThatThrownBy(() -> BasketAnalyser.analyse(List.of(leg), Map.of())).hasMessageContaining("no daily closes of UP");
        assertThatThrownBy(() -> BasketAnalyser.analyse(List.of(leg), Map.of("UP", geometric(21, "1.01"))))
                .hasMessageContaining("21 days");
        assertThatThrownBy(() -> new BasketAnalyser.Leg("X", true, new BigDecimal("100.01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
