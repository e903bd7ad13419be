package io.tradebook.core.analytics;

import static io.tradebook.core.analytics.AnalyticsFixtures.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.PositionSide;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Win rate and profit factor of round trips, with every edge case. */
class TradeStatisticsTest {

    @Test
    void winsLossesAndTheProfitFactorExactly() {
        // P&L net of both legs' fees: +120.5, −40.25, +30, 0, −10.25
        TradeStatistics s = TradeStatistics.of(List.of(trip("120.5"), trip("-40.25"), trip("30"), trip("0"), trip("-10.25")), Currency.USD);
        assertThat(s.trades()).isEqualTo(5);
        assertThat(s.wins()).isEqualTo(2);
        assertThat(s.losses()).isEqualTo(2);
        assertThat(s.grossProfit()).isEqualTo(Money.of("150.5", Currency.USD));
        assertThat(s.grossLoss()).isEqualTo(Money.of("50.5", Currency.USD));
        assertThat(s.netPnl()).isEqualTo(Money.of("100", Currency.USD));
        assertThat(s.winRate().plain()).as("2 of 5; a trade at 0 is not a win").isEqualTo("0.4");
        // 150.5 / 50.5 = 2.98019801980198…
        assertThat(s.profitFactor().plain()).isEqualTo("2.98019802");
    }

    @Test
    void noTradesLeaveBothUndefined() {
        TradeStatistics s = TradeStatistics.of(List.of(), Currency.USD);
        assertThat(s.winRate().kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(s.profitFactor().kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(s.trades()).isZero();
    }

    @Test
    void noLossIsAnInfiniteProfitFactorAndNoWinIsZero() {
        TradeStatistics winners = TradeStatistics.of(List.of(trip("5"), trip("0")), Currency.USD);
        assertThat(winners.profitFactor().kind()).isEqualTo(Metric.Kind.POSITIVE_INFINITY);
        assertThat(winners.profitFactor().plain()).isNull();
        assertThat(winners.winRate().plain()).isEqualTo("0.5");
        TradeStatistics losers = TradeStatistics.of(List.of(trip("-5")), Currency.USD);
        assertThat(losers.profitFactor().plain()).isEqualTo("0");
        assertThat(losers.winRate().plain()).isEqualTo("0");
        TradeStatistics flat = TradeStatistics.of(List.of(trip("0")), Currency.USD);
        assertThat(flat.profitFactor().kind()).as("0 / 0").isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(flat.winRate().plain()).isEqualTo("0");
    }

    @Test
    void refusesAnotherCurrency() {
        Currency eur = Currency.of("EUR");
        RoundTrip inEuros = new RoundTrip("A", "s", "SAP", PositionSide.LONG, Price.of("1", eur), Price.of("2", eur), Quantity.of(1),
                AnalyticsFixtures.DAY0, AnalyticsFixtures.DAY0, Money.of("1", eur), Money.zero(eur), null);
        assertThatThrownBy(() -> TradeStatistics.of(List.of(inEuros), Currency.USD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }
}
