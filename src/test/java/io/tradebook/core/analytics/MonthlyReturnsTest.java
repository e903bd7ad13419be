package io.tradebook.core.analytics;

import static io.tradebook.core.analytics.AnalyticsFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.money.Currency;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Year × month compounding of the daily returns, with year totals. */
class MonthlyReturnsTest {

    @Test
    void monthsAndYearsCompoundTheirReturns() {
        EquityCurve curve = EquityCurve.builder(Currency.USD)
                .append(day("2023-12-29"), new BigDecimal("100"))
                .append(day("2024-01-02"), new BigDecimal("110"))   // +10% dated January
                .append(day("2024-01-31"), new BigDecimal("121"))   // +10%: January = 1.1 × 1.1 − 1 = 21%
                .append(day("2024-03-01"), new BigDecimal("108.9")) // −10%: March; February has no return
                .append(day("2025-02-03"), new BigDecimal("119.79")) // +10%: 2025 February
                .build();
        MonthlyReturns table = MonthlyReturns.of(Returns.of(curve, Sampling.DAILY));

        assertThat(table.years()).extracting(MonthlyReturns.Year::year).containsExactly(2024, 2025);
        MonthlyReturns.Year y2024 = table.years().get(0);
        assertThat(y2024.month(1).plain()).isEqualTo("0.21");
        assertThat(y2024.month(2).kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(y2024.month(3).plain()).isEqualTo("-0.1");
        // 2024: 1.1 × 1.1 × 0.9 − 1 = 0.089
        assertThat(y2024.total().plain()).isEqualTo("0.089");
        MonthlyReturns.Year y2025 = table.years().get(1);
        assertThat(y2025.month(2).plain()).isEqualTo("0.1");
        assertThat(y2025.month(1).kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(y2025.total().plain()).isEqualTo("0.1");
        assertThat(y2025.months()).hasSize(12);
    }

    @Test
    void aCurveWithoutReturnsHasAnEmptyTable() {
        assertThat(MonthlyReturns.of(Returns.of(AnalyticsFixtures.daily("100"), Sampling.DAILY)).isEmpty()).isTrue();
    }
}
