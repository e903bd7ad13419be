package io.tradebook.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Sampling an equity curve into returns: every point, or the last point of each UTC day. */
class ReturnsTest {

    static EquityCurve curve(String... timeAndEquity) {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD);
        for (int i = 0; i < timeAndEquity.length; i += 2) {
            b.append(Instant.parse(timeAndEquity[i]), new BigDecimal(timeAndEquity[i + 1]));
        }
        return b.build();
    }

    @Test
    void dailySamplingKeepsTheStartAndTheLastPointOfEachUtcDay() {
        EquityCurve c = curve(
                "2024-01-02T14:30:00Z", "100",
                "2024-01-02T15:00:00Z", "90",     // intraday low: not sampled
                "2024-01-02T21:00:00Z", "102",    // last of Jan 2
                "2024-01-03T14:30:00Z", "101",
                "2024-01-03T23:59:59.999Z", "104", // last of Jan 3 (UTC)
                "2024-01-05T00:00:00Z", "98.8");   // Jan 5, its only point
        Returns daily = Returns.of(c, Sampling.DAILY);
        assertThat(daily.size()).isEqualTo(3);
        assertThat(daily.value(0)).isCloseTo(0.02, within(1e-15));
        assertThat(daily.value(1)).isCloseTo(104.0 / 102 - 1, within(1e-15));
        assertThat(daily.value(2)).isCloseTo(-0.05, within(1e-15));
        assertThat(daily.time(1)).isEqualTo(Instant.parse("2024-01-03T23:59:59.999Z"));
        assertThat(daily.totalReturn()).isCloseTo(-0.012, within(1e-15));

        Returns every = Returns.of(c, Sampling.EVERY_POINT);
        assertThat(every.size()).isEqualTo(5);
        assertThat(every.value(0)).isCloseTo(-0.1, within(1e-15));
        assertThat(every.totalReturn()).isEqualTo(daily.totalReturn());
    }

    @Test
    void theFirstDayWithOnlyTheStartGivesNoEmptyReturn() {
        EquityCurve c = curve("2024-01-02T21:00:00Z", "100", "2024-01-03T10:00:00Z", "100.5", "2024-01-03T21:00:00Z", "101");
        Returns daily = Returns.of(c, Sampling.DAILY);
        assertThat(daily.size()).isEqualTo(1);
        assertThat(daily.value(0)).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void dailyBarsAreSampledBarByBar() {
        EquityCurve c = curve("2024-01-02T00:00:00Z", "100", "2024-01-03T00:00:00Z", "110", "2024-01-04T00:00:00Z", "99");
        assertThat(Returns.of(c, Sampling.DAILY).values()).containsExactly(Returns.of(c, Sampling.EVERY_POINT).values());
    }

    @Test
    void curvesShorterThanTwoPointsHaveNoReturns() {
        Returns empty = Returns.of(EquityCurve.builder(Currency.USD).build(), Sampling.DAILY);
        assertThat(empty.size()).isZero();
        assertThat(empty.totalReturn()).isNaN();
        assertThat(empty.start()).isNull();
        Returns one = Returns.of(curve("2024-01-02T00:00:00Z", "100"), Sampling.DAILY);
        assertThat(one.size()).isZero();
        assertThat(one.totalReturn()).isNaN();
        assertThat(one.start()).isEqualByComparingTo("100");
    }

    @Test
    void equityAtZeroEndsTheReturnsButNotTheTotalReturn() {
        EquityCurve c = curve("2024-01-02T00:00:00Z", "100", "2024-01-03T00:00:00Z", "50", "2024-01-04T00:00:00Z", "0",
                "2024-01-05T00:00:00Z", "-10", "2024-01-06T00:00:00Z", "20");
        Returns r = Returns.of(c, Sampling.DAILY);
        assertThat(r.values()).containsExactly(-0.5, -1.0);
        assertThat(r.ruined()).isTrue();
        assertThat(r.totalReturn()).as("20 / 100 − 1, of the whole curve").isCloseTo(-0.8, within(1e-15));
        Returns fromZero = Returns.of(curve("2024-01-02T00:00:00Z", "0", "2024-01-03T00:00:00Z", "50"), Sampling.DAILY);
        assertThat(fromZero.size()).isZero();
        assertThat(fromZero.totalReturn()).isNaN();
    }

    @Test
    void theTotalReturnIsExactFromTheEquity() {
        // 3 / 7 − 1 worked in 34 digits, then rounded once: the double nearest −4/7
        Returns r = Returns.of(curve("2024-01-02T00:00:00Z", "7", "2024-01-03T00:00:00Z", "3"), Sampling.DAILY);
        assertThat(r.totalReturn()).isEqualTo(-4.0 / 7);
    }

    @Test
    void theBuilderRefusesTimeGoingBackAndOtherCurrencies() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD).append(Instant.parse("2024-01-02T00:00:00Z"), BigDecimal.TEN);
        assertThatThrownBy(() -> b.append(Instant.parse("2024-01-02T00:00:00Z"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after the previous point");
        assertThatThrownBy(() -> b.append(Instant.parse("2024-01-01T00:00:00Z"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.append(Instant.parse("2024-01-03T00:00:00Z"), Money.of("1", Currency.of("EUR"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
        assertThat(b.size()).isEqualTo(1);
        assertThatThrownBy(() -> EquityCurve.builder(Currency.USD).build().last()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMillionPointsAppendAndSample() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD);
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 1_000_000; i++) {
            b.append(t0.plusSeconds(60L * i), BigDecimal.valueOf(100_000 + (i % 1000), 2));
        }
        EquityCurve c = b.build();
        assertThat(c.size()).isEqualTo(1_000_000);
        // 1,000,000 minutes = 694.4 days: the start plus the last point of 695 UTC days
        assertThat(Returns.of(c, Sampling.DAILY).size()).isEqualTo(695);
        assertThat(c.time(999_999)).isEqualTo(t0.plusSeconds(60L * 999_999));
    }
}
