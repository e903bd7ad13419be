package io.tradebook.core.backtest;

import static io.tradebook.core.backtest.BacktestFixtures.day;
import static io.tradebook.core.backtest.BacktestFixtures.px;
import static io.tradebook.core.backtest.BacktestFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.analytics.EquityCurve;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.books.Side;
import io.tradebook.core.execution.paper.FixedPerOrderCommission;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sma-cross (fast 2, slow 3, allocation 0.5) on ten hand-made daily bars, every figure computed by
 * hand. Closes 10 9 8 9 11 13 12 10 8 9:
 *
 * <pre>
 * day          1     2     3     4      5      6    7     8      9    10
 * SMA(2)       -    9.5   8.5   8.5    10     12   12.5  11      9    8.5
 * SMA(3)       -     -    9     8.667  9.333  11   12    11.667 10    9
 * </pre>
 *
 * Day 5: SMA(2) 10 &gt; 9.333 and on day 4 8.5 ≤ 8.667: a cross up, flat, so it buys
 * floor(0.5 × 10000 / 11) = 454 at the close of day 5, filled at day 6's open, 11.50, fee 1.
 * Day 8: 11 &lt; 11.667 and on day 7 12.5 ≥ 12: a cross down, long, so it sells 454, filled at day
 * 9's open, 9.50, fee 1. Cash: 10000 − 454 × 11.50 − 1 = 4778, then + 454 × 9.50 − 1 = 9090.
 */
class SmaCrossWorkedExampleTest {
    static final String[][] BARS = {
        {"10", "10.20", "9.80", "10"},
        {"10", "10.10", "8.90", "9"},
        {"9", "9.10", "7.90", "8"},
        {"8", "9.20", "7.90", "9"},
        {"9", "11.10", "8.90", "11"},
        {"11.50", "13.20", "11.40", "13"},
        {"13", "13.10", "11.80", "12"},
        {"12", "12.20", "9.90", "10"},
        {"9.50", "9.80", "7.90", "8"},
        {"8", "9.10", "7.90", "9"},
    };

    static BacktestPlan plan() {
        return new BacktestPlan(List.of(BacktestFixtures.equity("XYZ", BARS)),
                List.of(BacktestFixtures.instance("sma-cross", Map.of("fast", "2", "slow", "3", "allocation", "0.5"))),
                BacktestSettings.of(usd("10000")).withCommission(new FixedPerOrderCommission(usd("1"))));
    }

    @Test
    void fillsAtTheNextOpenAfterEachCross() {
        BacktestResult result = Backtest.run(plan());

        List<Fill> fills = result.fills();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).side()).isEqualTo(Side.BUY);
        assertThat(fills.get(0).time()).isEqualTo(day(6));
        assertThat(fills.get(0).quantity()).isEqualTo(Quantity.of(454));
        assertThat(fills.get(0).price()).isEqualTo(px("11.50"));
        assertThat(fills.get(0).fee()).isEqualTo(usd("1"));
        assertThat(fills.get(0).strategy()).isEqualTo("sma-cross");
        assertThat(fills.get(1).side()).isEqualTo(Side.SELL);
        assertThat(fills.get(1).time()).isEqualTo(day(9));
        assertThat(fills.get(1).quantity()).isEqualTo(Quantity.of(454));
        assertThat(fills.get(1).price()).isEqualTo(px("9.50"));

        assertThat(result.finalEquity()).isEqualTo(usd("9090"));
        assertThat(result.orders()).isEqualTo(new OrderCounts(2, 2, 0, 0, 0, 0));
        assertThat(result.bookDifferences()).isEmpty();
    }

    @Test
    void theRoundTripAndTheEquityCurveAreExact() {
        BacktestResult result = Backtest.run(plan());

        assertThat(result.roundTrips()).hasSize(1);
        RoundTrip trip = result.roundTrips().get(0);
        assertThat(trip.direction()).isEqualTo(PositionSide.LONG);
        assertThat(trip.entryPrice()).isEqualTo(px("11.50"));
        assertThat(trip.exitPrice()).isEqualTo(px("9.50"));
        assertThat(trip.pnl()).isEqualTo(usd("-910"));
        assertThat(trip.fees()).isEqualTo(usd("2"));

        // days 1-5 flat at 10000; day 6: 4778 + 454 × 13; day 7: × 12; day 8: × 10; then cash 9090
        assertThat(amounts(result.performance().run().curve()))
                .containsExactly("10000", "10000", "10000", "10000", "10000", "10680", "10226", "9318", "9090", "9090");
        assertThat(amounts(result.strategy("sma-cross").curve())).isEqualTo(amounts(result.performance().run().curve()));
        assertThat(result.performance().run().metrics().trades()).isEqualTo(1);
        assertThat(result.performance().run().metrics().winRate().plain()).isEqualTo("0");
        // held at the close of days 6, 7, 8
        assertThat(result.performance().run().metrics().exposure().plain()).isEqualTo("0.3");
    }

    private static List<String> amounts(EquityCurve curve) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            out.add(curve.equity(i).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    @Test
    void theSameRunGivesTheSameResult() {
        BacktestResult a = Backtest.run(plan());
        BacktestResult b = Backtest.run(plan());
        assertThat(b.fills()).isEqualTo(a.fills());
        assertThat(b.finalEquity()).isEqualTo(a.finalEquity());
        assertThat(new BigDecimal("9090")).isEqualByComparingTo(b.finalEquity().amount());
    }
}
