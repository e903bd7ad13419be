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
 * ema-cross (fast 2, slow 3, allocation 0.5) on the bars of {@link SmaCrossWorkedExampleTest},
 * closes 10 9 8 9 11 13 12 10 8 9, by hand in fractions. EMA(2): α = 2/3, seeded with the mean of
 * the first 2 closes; EMA(3): α = 1/2, seeded with the mean of the first 3:
 *
 * <pre>
 * day        2      3      4       5         6        7          8           9
 * EMA(2)    9.5    8.5   53/6    185/18    653/54   1949/162   5189/486   12965/1458
 * EMA(3)     -      9      9       10       11.5     11.75      10.875      9.4375
 * spread     -    −1/2   −1/6     5/18     16/27     91/324   −385/1944
 * </pre>
 *
 * Day 5: the spread turns positive (5/18 &gt; 0, −1/6 ≤ 0): buy floor(0.5 × 10000 / 11) = 454,
 * confidence (5/18) / (5/18 + 1/6) = 5/8 = 0.625; filled at day 6's open, 11.50. Day 8: it turns
 * negative (−385/1944 &lt; 0, 91/324 ≥ 0): sell 454, confidence 385 / (385 + 546) = 0.4135; filled
 * at day 9's open, 9.50. Cash 10000 − 454 × 11.50 − 1 + 454 × 9.50 − 1 = 9090; the round trip
 * loses 454 × 2 + 2 = 910 and carries the entry's confidence.
 */
class EmaCrossWorkedExampleTest {
    static WorkedExamples.Run run() {
        return WorkedExamples.run("ema-cross", Map.of("fast", "2", "slow", "3", "allocation", "0.5"), SmaCrossWorkedExampleTest.BARS);
    }

    @Test
    void buysOnTheCrossUpAndSellsOnTheCrossDownWithTheirConfidence() {
        WorkedExamples.Run run = run();
        assertThat(run.orders()).hasSize(2);
        assertOrder(run.orders().get(0), 5, Side.BUY, 454, "0.625");
        assertOrder(run.orders().get(1), 8, Side.SELL, 454, "0.4135");

        assertThat(run.result().fills()).hasSize(2);
        assertFill(run.result().fills().get(0), 6, Side.BUY, 454, "11.50", "0.625");
        assertFill(run.result().fills().get(1), 9, Side.SELL, 454, "9.50", "0.4135");

        assertThat(run.result().roundTrips()).hasSize(1);
        assertTrip(run.result().roundTrips().get(0), "-910", "0.625");
        assertThat(run.result().finalEquity()).isEqualTo(usd("9090"));
    }
}
