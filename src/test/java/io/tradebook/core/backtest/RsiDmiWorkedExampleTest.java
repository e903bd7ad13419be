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
 * rsi-dmi (rsi_period 2, oversold 30, overbought 70, dmi_period 2, adx_threshold 25, allocation
 * 0.5) on eleven daily bars, by hand in fractions. Closes 20 19 18 17 18.5 20 19.2 18.4 19.2 20.2
 * 20. RSI(2) as in {@link RsiWorkedExampleTest}; +DI, −DI from Wilder's running sums (n = 2,
 * seeded with the first value) of +DM, −DM and the true range; ADX(2) the Wilder average of DX,
 * seeded with the mean of days 3 and 4:
 *
 * <pre>
 * day     3      4      5      6      7      8      9      10
 * RSI     0      0     60    81.82  51.72  29.80  62.01  82.30
 * +DI     0      0    13.68  55.17  26.23  15.70   9.65  47.01
 * −DI   64.29  68.37  28.63  12.84   9.02   5.40   3.32   1.63
 * ADX     -     100   67.68  64.97  56.90  52.87  50.85  72.07
 * </pre>
 *
 * Day 3: the RSI is 0 but the ADX is undefined: no signal (plain {@code rsi} buys here). Day 4: the
 * RSI is 0, but ADX 100 ≥ 25 with −DI above +DI is a strong downtrend: no buy. Day 8: RSI
 * 4500/151 = 29.80 &lt; 30 and +DI above −DI: buy floor(0.5 × 10000 / 18.4) = 271, confidence
 * ((30 − 4500/151) / 30 + u) / 2 with the upward share u = +DI / (+DI + −DI) = 32/43: 0.3754;
 * filled at day 9's open, 18.50. Day 10: RSI 82.30 &gt; 70 and long: sell 271, confidence
 * ((82.30 − 70) / 30 + 1 − 2848/2947) / 2 = 0.2219; filled at day 11's open, 20.40. Cash 10000 −
 * 271 × 18.50 − 1 + 271 × 20.40 − 1 = 10512.90; the round trip makes 271 × 1.90 − 2 = 512.90.
 */
class RsiDmiWorkedExampleTest {
    static final String[][] BARS = {
        {"20", "20.5", "19.5", "20"},
        {"20", "20.2", "18.8", "19"},
        {"19", "19.2", "17.8", "18"},
        {"18", "18.2", "16.8", "17"},
        {"17", "18.6", "16.9", "18.5"},
        {"18.5", "20.2", "18.4", "20"},
        {"20", "20.1", "18.3", "19.2"},
        {"19.2", "19.5", "18.35", "18.4"},
        {"18.50", "19.3", "18.4", "19.2"},
        {"19.2", "20.3", "19.1", "20.2"},
        {"20.40", "20.6", "19.9", "20"},
    };

    static final Map<String, String> PARAMETERS = Map.of("rsi_period", "2", "dmi_period", "2", "allocation", "0.5");

    @Test
    void skipsTheOversoldCloseInAStrongDowntrendAndBuysTheLaterOne() {
        WorkedExamples.Run run = WorkedExamples.run("rsi-dmi", PARAMETERS, BARS);
        assertThat(run.orders()).hasSize(2);
        assertOrder(run.orders().get(0), 8, Side.BUY, 271, "0.3754");
        assertOrder(run.orders().get(1), 10, Side.SELL, 271, "0.2219");

        assertThat(run.result().fills()).hasSize(2);
        assertFill(run.result().fills().get(0), 9, Side.BUY, 271, "18.50", "0.3754");
        assertFill(run.result().fills().get(1), 11, Side.SELL, 271, "20.40", "0.2219");

        assertThat(run.result().roundTrips()).hasSize(1);
        assertTrip(run.result().roundTrips().get(0), "512.9", "0.3754");
        assertThat(run.result().finalEquity()).isEqualTo(usd("10512.9"));
    }

    @Test
    void withoutTheFilterTheRsiBuysTheFallingMarket() {
        // plain rsi on the same bars buys at day 3's close: RSI 0, confidence (30 - 0) / 30 = 1, floor(5000 / 18) = 277
        WorkedExamples.Run run = WorkedExamples.run("rsi", Map.of("period", "2", "allocation", "0.5"), BARS);
        assertOrder(run.orders().get(0), 3, Side.BUY, 277, "1");
    }
}
