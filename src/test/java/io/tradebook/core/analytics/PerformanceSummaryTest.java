package io.tradebook.core.analytics;

import static io.tradebook.core.analytics.AnalyticsFixtures.daily;
import static io.tradebook.core.analytics.AnalyticsFixtures.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole metric set of worked examples, as the JSON writer will print it. */
class PerformanceSummaryTest {

    private static Map<String, String> printed(PerformanceSummary s) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        s.metrics().byName().forEach((k, v) -> out.put(k, v.plain()));
        return out;
    }

    @Test
    void aCurveWithAKnownDrawdownAndSharpe() {
        // equity 100 → 110 → 99 → 108.9 → 119.79: returns +10%, −10%, +10%, +10% (see ReturnStatisticsTest)
        PerformanceSummary s = PerformanceSummary.of("sma-cross", daily("100", "110", "99", "108.9", "119.79"),
                List.of(trip("12"), trip("-3"), trip("6")), new Exposure(3, 5), MetricSettings.daily());

        Map<String, String> m = printed(s);
        assertThat(m).containsExactly(
                Map.entry("totalReturn", "0.1979"),
                Map.entry("cagr", "87194.80462"),           // 1.1979^63 − 1 (bc: 87194.804619185658…)
                Map.entry("volatility", "1.587450787"),     // 0.1 × √252
                Map.entry("sharpe", "7.937253933"),         // 0.05 / 0.1 × √252
                Map.entry("sortino", "15.87450787"),        // √252
                Map.entry("maxDrawdown", "0.1"),            // 110 → 99
                Map.entry("calmar", "871948.0462"),         // cagr / 0.1
                Map.entry("winRate", "0.6666666667"),       // 2 of 3
                Map.entry("profitFactor", "6"),             // (12 + 6) / 3
                Map.entry("trades", "3"),
                Map.entry("exposure", "0.6"));              // 3 bars of 5
        assertThat(s.startEquity()).isEqualTo(Money.of("100", Currency.USD));
        assertThat(s.finalEquity()).isEqualTo(Money.of("119.79", Currency.USD));
    }

    @Test
    void aLongerDrawdownIsMeasuredFromItsPeak() {
        // 100, 120, 90, 95, 130, 104: 120 → 90 is −25%, 130 → 104 only −20%
        PerformanceSummary s = PerformanceSummary.of("run", daily("100", "120", "90", "95", "130", "104"), List.of(),
                new Exposure(0, 6), MetricSettings.daily());
        assertThat(s.metrics().maxDrawdown().plain()).isEqualTo("0.25");
        assertThat(s.metrics().totalReturn().plain()).isEqualTo("0.04");
        // cagr = 1.04^(252/5) − 1; bc: e(l(1.04)*252/5)-1 = 6.219054169906981940…
        assertThat(s.metrics().cagr().plain()).isEqualTo("6.21905417");
        assertThat(s.metrics().calmar().plain()).isEqualTo("24.87621668");
        assertThat(s.metrics().exposure().plain()).isEqualTo("0");
    }

    @Test
    void noTradesNoLossesAndOnePointAreDefinedEdgeCases() {
        PerformanceSummary onePoint = PerformanceSummary.of("run", daily("100000"), List.of(), new Exposure(0, 1), MetricSettings.daily());
        Map<String, String> none = printed(onePoint);
        assertThat(none.keySet()).containsExactly("totalReturn", "cagr", "volatility", "sharpe", "sortino", "maxDrawdown", "calmar",
                "winRate", "profitFactor", "trades", "exposure");
        assertThat(none).containsEntry("trades", "0").containsEntry("exposure", "0");
        assertThat(none.values().stream().filter(java.util.Objects::nonNull)).as("everything else is undefined: null").hasSize(2);
        assertThat(onePoint.monthlyReturns().isEmpty()).isTrue();

        PerformanceSummary twoPoints = PerformanceSummary.of("run", daily("100", "101"), List.of(trip("1")), new Exposure(1, 2),
                MetricSettings.daily());
        assertThat(twoPoints.metrics().totalReturn().plain()).isEqualTo("0.01");
        assertThat(twoPoints.metrics().volatility().kind()).as("one return has no sample deviation").isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(twoPoints.metrics().maxDrawdown().plain()).isEqualTo("0");
        assertThat(twoPoints.metrics().calmar().kind()).as("no drawdown").isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(twoPoints.metrics().profitFactor().kind()).as("no loss").isEqualTo(Metric.Kind.POSITIVE_INFINITY);
        assertThat(twoPoints.metrics().winRate().plain()).isEqualTo("1");
    }

    @Test
    void aFlatCurveHasZeroVolatilityAndNoSharpe() {
        PerformanceSummary flat = PerformanceSummary.of("idle", daily("5000", "5000", "5000"), List.of(), new Exposure(0, 3),
                MetricSettings.daily());
        assertThat(flat.metrics().volatility().plain()).isEqualTo("0");
        assertThat(flat.metrics().sharpe().kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(flat.metrics().sortino().kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(flat.metrics().cagr().plain()).isEqualTo("0");
        assertThat(flat.metrics().maxDrawdown().plain()).isEqualTo("0");
    }

    @Test
    void aDrawdownToZero() {
        PerformanceSummary ruined = PerformanceSummary.of("ruined", daily("100", "50", "0", "0"), List.of(trip("-100")),
                new Exposure(2, 4), MetricSettings.daily());
        assertThat(ruined.returns().values()).containsExactly(-0.5, -1.0);
        assertThat(ruined.metrics().totalReturn().plain()).isEqualTo("-1");
        assertThat(ruined.metrics().maxDrawdown().plain()).isEqualTo("1");
        assertThat(ruined.metrics().cagr().plain()).isEqualTo("-1");
        assertThat(ruined.metrics().calmar().plain()).isEqualTo("-1");
        // std(−0.5, −1, ddof=1) = √0.125 = 0.3535533906; × √252 = 5.612486080
        assertThat(ruined.metrics().volatility().plain()).isEqualTo("5.61248608");
        assertThat(ruined.metrics().profitFactor().plain()).isEqualTo("0");
    }

    @Test
    void roundTripsComeOutInExitOrder() {
        RoundTrip late = trip("s", "MSFT", "1", "0", AnalyticsFixtures.day("2024-01-03"), AnalyticsFixtures.day("2024-01-09"));
        RoundTrip early = trip("s", "AAPL", "2", "0", AnalyticsFixtures.day("2024-01-04"), AnalyticsFixtures.day("2024-01-05"));
        PerformanceSummary s = PerformanceSummary.of("s", daily("1", "2"), List.of(late, early), Exposure.none(), MetricSettings.daily());
        assertThat(s.roundTrips()).containsExactly(early, late);
    }

    @Test
    void refusesWhatCannotBeMeasured() {
        assertThatThrownBy(() -> PerformanceSummary.of("run", EquityCurve.builder(Currency.USD).build(), List.of(), Exposure.none(),
                MetricSettings.daily())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one equity point");
        assertThatThrownBy(() -> PerformanceSummary.of(" ", daily("1"), List.of(), Exposure.none(), MetricSettings.daily()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Exposure(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricSettings.daily().withPeriodsPerYear(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricSettings.daily().withRiskFree(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRiskFreeRateAndThePeriodsAreParameters() {
        EquityCurve c = daily("100", "110", "99", "108.9", "119.79");
        MetricSettings crypto = MetricSettings.daily().withPeriodsPerYear(365).withRiskFree(0.01);
        PerformanceSummary s = PerformanceSummary.of("run", c, List.of(), Exposure.none(), crypto);
        // (0.05 − 0.01) / 0.1 × √365 = 0.4 × 19.104973174542800 = 7.641989270
        assertThat(s.metrics().sharpe().plain()).isEqualTo("7.64198927");
        // 0.1 × √365
        assertThat(s.metrics().volatility().plain()).isEqualTo("1.910497317");
    }
}
