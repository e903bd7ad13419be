package io.tradebook.core.backtest;

import static io.tradebook.core.backtest.BacktestFixtures.usd;
import static io.tradebook.core.backtest.WorkedExamples.assertFill;
import static io.tradebook.core.backtest.WorkedExamples.assertOrder;
import static io.tradebook.core.backtest.WorkedExamples.assertTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * bollinger-reversion (period 3, k 1, allocation 0.5) on nine daily bars, by hand. Closes 10 10 10
 * 10 7 6.5 8 9.5 10; the bands are the mean of the last 3 closes ∓ 1 population standard deviation:
 *
 * <pre>
 * day      3, 4    5            6              7              8
 * window  10 10 10 10 10 7     10 7 6.5       7 6.5 8        6.5 8 9.5
 * middle   10      9            7.8333         7.1667         8
 * σ        0       √2           √(43/18)       √(7/18)        √(3/2)
 * lower    10      7.5858       6.2877         6.5431         6.7753
 * </pre>
 *
 * Days 3 and 4: the close is at the middle band, but it is flat: nothing. Day 5: close 7 &lt; lower
 * 9 − √2: buy floor(0.5 × 10000 / 7) = 714, confidence (lower − close) / (middle − lower) =
 * (2 − √2) / √2 = √2 − 1 = 0.4142; filled at day 6's open, 6.80. Day 6: 6.5 is inside the bands.
 * Day 7: close 8 ≥ middle 7.1667: sell 714, confidence min(1, (8 − 7.1667) / √(7/18)) = min(1,
 * 1.336) = 1; filled at day 8's open, 8.20. Cash 10000 − 714 × 6.80 − 1 + 714 × 8.20 − 1 =
 * 10997.60; the round trip makes 714 × 1.40 − 2 = 997.60.
 */
class BollingerReversionWorkedExampleTest {
    static final String[][] BARS = {
        {"10", "10.2", "9.8", "10"},
        {"10", "10.2", "9.8", "10"},
        {"10", "10.2", "9.8", "10"},
        {"10", "10.2", "9.8", "10"},
        {"9.5", "9.6", "6.9", "7"},
        {"6.80", "7.2", "6.4", "6.5"},
        {"6.6", "8.1", "6.5", "8"},
        {"8.20", "9.6", "8.1", "9.5"},
        {"9.5", "10.1", "9.4", "10"},
    };

    @Test
    void buysBelowTheLowerBandAndSellsBackAtTheMiddle() {
        WorkedExamples.Run run = WorkedExamples.run("bollinger-reversion", Map.of("period", "3", "k", "1", "allocation", "0.5"), BARS);
        assertThat(run.orders()).hasSize(2);
        assertOrder(run.orders().get(0), 5, Side.BUY, 714, "0.4142");
        assertOrder(run.orders().get(1), 7, Side.SELL, 714, "1");

        assertThat(run.result().fills()).hasSize(2);
        assertFill(run.result().fills().get(0), 6, Side.BUY, 714, "6.80", "0.4142");
        assertFill(run.result().fills().get(1), 8, Side.SELL, 714, "8.20", "1");

        assertThat(run.result().roundTrips()).hasSize(1);
        assertTrip(run.result().roundTrips().get(0), "997.6", "0.4142");
        assertThat(run.result().finalEquity()).isEqualTo(usd("10997.6"));
    }

    @Test
    void widerBandsBuyNothing() {
        // k = 1.5: day 5's lower band is 9 - 1.5 × √2 = 6.8787, below the close of 7; no later close is below its band
        WorkedExamples.Run run = WorkedExamples.run("bollinger-reversion", Map.of("period", "3", "k", "1.5", "allocation", "0.5"), BARS);
        assertThat(run.orders()).isEmpty();
        assertThat(run.result().finalEquity()).isEqualTo(usd("10000"));
    }
}
