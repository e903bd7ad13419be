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
 * donchian-breakout (entry_period 3, exit_period 2, allocation 0.5) on eight daily bars, by hand.
 * The channels compared with close_t are those of the bars before t:
 *
 * <pre>
 * day   high   low    close   highest high of the 3 before   lowest low of the 2 before (highest high)
 * 1     10.5   9.5    10
 * 2     10.4   9.6    10.2
 * 3     10.6   9.9    10.3                                   9.5 (10.5)
 * 4     11.2   10.2   11      10.6 (lowest low 9.5)          9.6
 * 5     11.5   10.8   11.4    11.2                           9.9
 * 6     11.6   11.0   11.3    11.5                           10.2
 * 7     11.4   10.5   10.6    11.6                           10.8 (11.6)
 * 8     10.7   10.3   10.4    11.6                           10.5
 * </pre>
 *
 * Day 4: close 11 &gt; 10.6 and flat: buy floor(0.5 × 10000 / 11) = 454, confidence
 * (11 − 10.6) / (10.6 − 9.5) = 4/11 = 0.3636; filled at day 5's open, 11.10. Day 5: close 11.4 &gt;
 * 11.2 breaks out again, but it is long: no order. Day 7: close 10.6 &lt; 10.8: sell 454, confidence
 * (10.8 − 10.6) / (11.6 − 10.8) = 0.25; filled at day 8's open, 10.50. Cash 10000 − 454 × 11.10 − 1
 * + 454 × 10.50 − 1 = 9725.60; the round trip loses 454 × 0.60 + 2 = 274.40.
 */
class DonchianBreakoutWorkedExampleTest {
    static final String[][] BARS = {
        {"10", "10.5", "9.5", "10"},
        {"10", "10.4", "9.6", "10.2"},
        {"10.2", "10.6", "9.9", "10.3"},
        {"10.3", "11.2", "10.2", "11"},
        {"11.10", "11.5", "10.8", "11.4"},
        {"11.4", "11.6", "11.0", "11.3"},
        {"11.3", "11.4", "10.5", "10.6"},
        {"10.50", "10.7", "10.3", "10.4"},
    };

    @Test
    void buysTheBreakoutAndSellsTheBreakdown() {
        WorkedExamples.Run run = WorkedExamples.run("donchian-breakout",
                Map.of("entry_period", "3", "exit_period", "2", "allocation", "0.5"), BARS);
        assertThat(run.orders()).hasSize(2);
        assertOrder(run.orders().get(0), 4, Side.BUY, 454, "0.3636");
        assertOrder(run.orders().get(1), 7, Side.SELL, 454, "0.25");

        assertThat(run.result().fills()).hasSize(2);
        assertFill(run.result().fills().get(0), 5, Side.BUY, 454, "11.10", "0.3636");
        assertFill(run.result().fills().get(1), 8, Side.SELL, 454, "10.50", "0.25");

        assertThat(run.result().roundTrips()).hasSize(1);
        assertTrip(run.result().roundTrips().get(0), "-274.4", "0.3636");
        assertThat(run.result().finalEquity()).isEqualTo(usd("9725.6"));
    }
}
