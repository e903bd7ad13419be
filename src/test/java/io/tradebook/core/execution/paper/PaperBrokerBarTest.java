package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.ACCOUNT;
import static io.tradebook.core.execution.paper.PaperFixtures.bar;
import static io.tradebook.core.execution.paper.PaperFixtures.broker;
import static io.tradebook.core.execution.paper.PaperFixtures.limit;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.minute;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static io.tradebook.core.execution.paper.PaperFixtures.qty;
import static io.tradebook.core.execution.paper.PaperFixtures.stop;
import static io.tradebook.core.execution.paper.PaperFixtures.stopLimit;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static io.tradebook.core.orders.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.execution.BrokerException;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Price paths on bars (no look-ahead, gaps, stop-limits), without slippage or commission; every figure worked by hand. */
class PaperBrokerBarTest {
    private RecordingBrokerListener listener;
    private PaperBroker broker;

    @BeforeEach
    void brokerWithoutCostsAfterOneBar() {
        listener = new RecordingBrokerListener();
        broker = broker(new NoSlippage(), new NoCommission(), listener);
        broker.onBar(bar(0, "100.00", "102.00", "99.00", "101.50", 1000)); // bar t, the latest when orders are placed
    }

    @Test
    void aMarketOrderPlacedOnBarTFillsAtTheOpenOfBarTPlusOneNotAtTheCloseOfT() throws BrokerException {
        broker.submit(market("O1", BUY, 10, DAY));
        assertThat(listener.fills).isEmpty(); // not at t's close 101.50

        broker.onBar(bar(0, "100.00", "102.00", "99.00", "101.50", 1000)); // bar t again: not strictly later
        assertThat(listener.fills).isEmpty();

        broker.onBar(bar(1, "101.80", "102.40", "101.10", "102.00", 1000));

        assertThat(listener.log).containsExactly("fill O1 10@101.8");
        assertThat(listener.lastFill().time()).isEqualTo(minute(1));
    }

    @Test
    void aMarketOrderPlacedBeforeAnyBarFillsOnTheFirstBar() throws BrokerException {
        PaperBroker fresh = broker(new NoSlippage(), new NoCommission(), listener);
        fresh.submit(market("O1", SELL, 10, DAY));

        fresh.onBar(bar(5, "100.30", "100.50", "99.90", "100.00", 1000));

        assertThat(listener.log).containsExactly("fill O1 10@100.3");
    }

    @Test
    void limitBuyFillsAtTheLimitWhenTheLowReachesIt() throws BrokerException {
        broker.submit(limit("O1", BUY, 10, "99.00", GTC));

        broker.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000)); // low 99.50 > 99: resting
        assertThat(listener.fills).isEmpty();
        broker.onBar(bar(2, "99.80", "100.00", "98.70", "99.10", 1000)); // open 99.80 > 99, low 98.70 <= 99: at 99

        assertThat(listener.log).containsExactly("fill O1 10@99");
    }

    @Test
    void limitBuyFillsAtTheOpenWhenTheBarGapsBelowIt() throws BrokerException {
        broker.submit(limit("O1", BUY, 10, "99.00", GTC));

        broker.onBar(bar(1, "98.20", "98.90", "97.50", "98.00", 1000)); // open 98.20 <= 99: at the open

        assertThat(listener.log).containsExactly("fill O1 10@98.2");
    }

    @Test
    void limitSellMirrorsWithTheHighAndTheGap() throws BrokerException {
        broker.submit(limit("O1", SELL, 10, "101.00", GTC));
        broker.submit(limit("O2", SELL, 10, "103.00", GTC));

        broker.onBar(bar(1, "100.00", "101.40", "99.80", "101.00", 1000)); // O1: open < 101, high 101.40 >= 101: at 101
        broker.onBar(bar(2, "103.60", "104.00", "103.20", "103.50", 1000)); // O2: open 103.60 >= 103: at the open

        assertThat(listener.log).containsExactly("fill O1 10@101", "fill O2 10@103.6");
    }

    @Test
    void stopBuyFillsAtTheStopInsideTheBarAndAtTheOpenOnAGap() throws BrokerException {
        broker.submit(stop("O1", BUY, 10, "101.00", GTC));
        broker.submit(stop("O2", BUY, 10, "103.00", GTC));

        broker.onBar(bar(1, "100.00", "101.30", "99.90", "101.20", 1000)); // O1: open < 101, high >= 101: at the stop 101
        broker.onBar(bar(2, "104.40", "105.00", "104.00", "104.80", 1000)); // O2: opens at 104.40 >= 103: at the gap price

        assertThat(listener.log).containsExactly("fill O1 10@101", "fill O2 10@104.4");
    }

    @Test
    void stopSellFillsAtTheStopInsideTheBarAndAtTheOpenOnAGap() throws BrokerException {
        broker.submit(stop("O1", SELL, 10, "99.50", GTC));
        broker.submit(stop("O2", SELL, 10, "95.00", GTC));

        broker.onBar(bar(1, "100.00", "100.20", "99.40", "99.60", 1000)); // O1: low 99.40 <= 99.50: at 99.50
        broker.onBar(bar(2, "93.10", "94.00", "92.00", "93.50", 1000)); // O2: opens at 93.10 <= 95: at the gap price

        assertThat(listener.log).containsExactly("fill O1 10@99.5", "fill O2 10@93.1");
    }

    @Test
    void stopWithSlippageOnABarPaysItOnTopOfTheStop() throws BrokerException {
        PaperBroker slipping = broker(FixedSlippage.of("0.05"), new NoCommission(), listener);
        slipping.onBar(bar(0, "100.00", "102.00", "99.00", "101.50", 1000));
        slipping.submit(stop("O1", BUY, 10, "101.00", GTC));
        slipping.submit(market("O2", SELL, 10, GTC));

        slipping.onBar(bar(1, "100.00", "101.30", "99.90", "101.20", 1000)); // O1 101 + 0.05; O2 at the open 100 - 0.05

        assertThat(listener.log).containsExactly("fill O1 10@101.05", "fill O2 10@99.95");
    }

    @Test
    void stopLimitTriggeredInsideTheBarFillsAtTheStopWhenTheStopIsWithinTheLimit() throws BrokerException {
        broker.submit(stopLimit("O1", BUY, 10, "101.00", "101.50", GTC));

        broker.onBar(bar(1, "100.00", "101.80", "99.90", "101.60", 1000)); // high 101.80 >= 101 triggers; 101 <= 101.50

        assertThat(listener.log).containsExactly("fill O1 10@101");
    }

    @Test
    void stopLimitTriggeredInsideTheBarWithTheLimitBelowTheStopRestsUntilTheNextBar() throws BrokerException {
        broker.submit(stopLimit("O1", BUY, 10, "101.00", "100.80", GTC));

        // high 101.20 triggers at 101 > 100.80; the low 99.50 may have come before the high, so no fill on this bar
        broker.onBar(bar(1, "100.00", "101.20", "99.50", "100.90", 1000));
        assertThat(listener.fills).isEmpty();
        assertThat(broker.openOrders(ACCOUNT)).hasSize(1);

        broker.onBar(bar(2, "100.60", "100.90", "100.40", "100.70", 1000)); // now a buy limit 100.80: open 100.60 <= 100.80

        assertThat(listener.log).containsExactly("fill O1 10@100.6");
    }

    @Test
    void stopLimitTriggeredByAGapWorksAsALimitForTheRestOfTheBar() throws BrokerException {
        broker.submit(stopLimit("O1", BUY, 10, "101.00", "101.50", GTC));
        broker.submit(stopLimit("O2", BUY, 10, "101.00", "101.00", GTC));

        // both trigger at the open 102 >= 101; open 102 is above both limits;
        // O1: low 101.20 <= 101.50: at the limit 101.50.  O2: low 101.20 > 101: rests, triggered
        broker.onBar(bar(1, "102.00", "102.50", "101.20", "102.20", 1000));
        assertThat(listener.log).containsExactly("fill O1 10@101.5");

        broker.onBar(bar(2, "100.90", "101.10", "100.50", "101.00", 1000)); // O2 as a limit 101: open 100.90 <= 101

        assertThat(listener.log).containsExactly("fill O1 10@101.5", "fill O2 10@100.9");
    }

    @Test
    void participationCapGivesPartialFillsOverSeveralBars() throws BrokerException {
        PaperBroker capped = broker(new NoSlippage(), new NoCommission(), new BigDecimal("0.10"), listener);
        capped.onBar(bar(0, "100.00", "101.00", "99.00", "100.50", 1000));
        capped.submit(market("O1", BUY, 250, GTC));

        capped.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000)); // 10% of 1000 = 100
        assertThat(capped.openOrders(ACCOUNT).get(0).remaining()).isEqualTo(qty("150"));
        capped.onBar(bar(2, "101.00", "101.50", "100.50", "101.20", 855)); // 10% of 855 = 85.5 → 85 (whole shares)
        capped.onBar(bar(3, "102.00", "102.50", "101.50", "102.20", 2000)); // 200 allowed, 65 left

        assertThat(listener.log).containsExactly("fill O1 100@100", "fill O1 85@101", "fill O1 65@102");
        assertThat(capped.openOrders(ACCOUNT)).isEmpty();
        // 100 × 100 + 85 × 101 + 65 × 102 = 10000 + 8585 + 6630 = 25215
        assertThat(capped.accountState(ACCOUNT).cash()).isEqualTo(PaperFixtures.usd("74785"));
        assertThat(capped.accountState(ACCOUNT).positions()).containsEntry("AAPL", qty("250"));
    }

    @Test
    void ordersOfOneSymbolShareTheCapOldestFirst() throws BrokerException {
        PaperBroker capped = broker(new NoSlippage(), new NoCommission(), new BigDecimal("0.10"), listener);
        capped.submit(market("O1", BUY, 70, GTC));
        capped.submit(market("O2", BUY, 70, GTC));

        capped.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000)); // 100 in all: O1 70, O2 30
        capped.onBar(bar(2, "101.00", "101.50", "100.50", "101.20", 1000)); // O2's last 40

        assertThat(listener.log).containsExactly("fill O1 70@100", "fill O2 30@100", "fill O2 40@101");
    }

    @Test
    void aTriggeredStopThatFilledPartlyFillsTheRestAtTheNextOpen() throws BrokerException {
        PaperBroker capped = broker(new NoSlippage(), new NoCommission(), new BigDecimal("0.10"), listener);
        capped.submit(stop("O1", SELL, 150, "95.00", GTC));

        capped.onBar(bar(1, "96.00", "96.50", "94.00", "94.50", 1000)); // low 94 <= 95: 100 at the stop 95
        // the next bar never reaches 95, but the stop has triggered: the rest sells at the open 96.50
        capped.onBar(bar(2, "96.50", "97.00", "96.00", "96.80", 1000));

        assertThat(listener.log).containsExactly("fill O1 100@95", "fill O1 50@96.5");
    }
}
