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
 * rsi (period 2, oversold 30, overbought 70, allocation 0.5) on ten daily bars, by hand. Closes
 * 10 11 10 9 8 9 10 11 12 11; changes +1 −1 −1 −1 +1 +1 +1 +1 −1. Wilder's averages (α = 1/2) of
 * gains G and losses L start at day 3 as the means of the first two changes:
 *
 * <pre>
 * day     3     4      5       6        7          8          9         10
 * G      0.5   0.25  0.125  0.5625   0.78125   0.890625  0.9453125  0.47265625
 * L      0.5   0.75  0.875  0.4375   0.21875   0.109375  0.0546875  0.52734375
 * RSI    50    25    12.5   56.25    78.125    89.0625   94.53125   47.265625
 * </pre>
 *
 * Day 4: RSI 25 &lt; 30 and flat: buy floor(0.5 × 10000 / 9) = 555, confidence (30 − 25) / 30 =
 * 0.1667; filled at day 5's open, 8.80. Day 5: RSI 12.5 is oversold again, but it is long: no
 * order. Day 7: RSI 78.125 &gt; 70 and long: sell 555, confidence (78.125 − 70) / 30 = 0.2708;
 * filled at day 8's open, 10.60. Days 8 and 9 are overbought, but it is flat. Cash 10000 −
 * 555 × 8.80 − 1 + 555 × 10.60 − 1 = 10997; the round trip makes 555 × 1.80 − 2 = 997.
 */
class RsiWorkedExampleTest {
    static final String[][] BARS = {
        {"10", "10.2", "9.8", "10"},
        {"10", "11.1", "9.9", "11"},
        {"11", "11.1", "9.9", "10"},
        {"10", "10.1", "8.9", "9"},
        {"8.80", "9", "7.9", "8"},
        {"8", "9.1", "7.9", "9"},
        {"9", "10.1", "8.9", "10"},
        {"10.60", "11.2", "10.5", "11"},
        {"11", "12.1", "10.9", "12"},
        {"12", "12.1", "10.9", "11"},
    };

    @Test
    void buysOversoldClosesAndSellsOverboughtOnesWithTheirConfidence() {
        WorkedExamples.Run run = WorkedExamples.run("rsi", Map.of("period", "2", "allocation", "0.5"), BARS);
        assertThat(run.orders()).hasSize(2);
        assertOrder(run.orders().get(0), 4, Side.BUY, 555, "0.1667");
        assertOrder(run.orders().get(1), 7, Side.SELL, 555, "0.2708");

        assertThat(run.result().fills()).hasSize(2);
        assertFill(run.result().fills().get(0), 5, Side.BUY, 555, "8.80", "0.1667");
        assertFill(run.result().fills().get(1), 8, Side.SELL, 555, "10.60", "0.2708");

        assertThat(run.result().roundTrips()).hasSize(1);
        assertTrip(run.result().roundTrips().get(0), "997", "0.1667");
        assertThat(run.result().finalEquity()).isEqualTo(usd("10997"));
    }

    @Test
    void otherLevelsChangeTheSignals() {
        // oversold 20: day 4's RSI of 25 is no longer oversold; day 5's 12.5 is, so it buys at day 6's open (8) instead
        WorkedExamples.Run run = WorkedExamples.run("rsi", Map.of("period", "2", "oversold", "20", "allocation", "0.5"), BARS);
        assertOrder(run.orders().get(0), 5, Side.BUY, 625, "0.375");
        assertFill(run.result().fills().get(0), 6, Side.BUY, 625, "8", "0.375");
    }
}
