package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.ACCOUNT;
import static io.tradebook.core.execution.paper.PaperFixtures.T0;
import static io.tradebook.core.execution.paper.PaperFixtures.broker;
import static io.tradebook.core.execution.paper.PaperFixtures.last;
import static io.tradebook.core.execution.paper.PaperFixtures.limit;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.minute;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static io.tradebook.core.execution.paper.PaperFixtures.qty;
import static io.tradebook.core.execution.paper.PaperFixtures.quote;
import static io.tradebook.core.execution.paper.PaperFixtures.stop;
import static io.tradebook.core.execution.paper.PaperFixtures.stopLimit;
import static io.tradebook.core.execution.paper.PaperFixtures.usd;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static io.tradebook.core.orders.TimeInForce.FOK;
import static io.tradebook.core.orders.TimeInForce.GTC;
import static io.tradebook.core.orders.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.execution.BrokerOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Price paths on the live feed (quotes and last prices), without slippage or commission; every figure worked by hand. */
class PaperBrokerLiveTest {
    private RecordingBrokerListener listener;
    private PaperBroker broker;

    @BeforeEach
    void brokerWithoutCosts() {
        listener = new RecordingBrokerListener();
        broker = broker(new NoSlippage(), new NoCommission(), listener);
    }

    @Test
    void marketBuyFillsAtTheAskAndSellAtTheBid() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 10, DAY));
        broker.submit(market("O2", SELL, 4, DAY));

        assertThat(listener.log).containsExactly("fill O1 10@100.02", "fill O2 4@99.98");
        assertThat(listener.fills.get(0).time()).isEqualTo(T0); // inside submit: the broker's clock
        // cash 100000 - 10 × 100.02 + 4 × 99.98 = 100000 - 1000.20 + 399.92 = 99399.72
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("99399.72"));
        assertThat(broker.accountState(ACCOUNT).positions()).containsEntry("AAPL", qty("6"));
    }

    @Test
    void marketFillsAtTheLastPriceWithoutAQuote() throws BrokerException {
        broker.onLastPrice(last("101.50", 0));

        broker.submit(market("O1", BUY, 3, DAY));
        broker.submit(market("O2", SELL, 3, DAY));

        assertThat(listener.fillPrices()).containsExactly(px("101.50"), px("101.50"));
    }

    @Test
    void aLastPriceAfterAQuoteReplacesIt() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));
        broker.onLastPrice(last("100.50", 1));

        broker.submit(market("O1", BUY, 1, DAY));

        assertThat(listener.lastFill().price()).isEqualTo(px("100.50")); // not the stale ask 100.02
    }

    @Test
    void marketWithoutAnyPriceWaitsForTheFirstOne() throws BrokerException {
        broker.submit(market("O1", BUY, 5, DAY));
        assertThat(listener.fills).isEmpty();
        assertThat(broker.openOrders(ACCOUNT)).containsExactly(new BrokerOrder("O1", "P-1", "AAPL", BUY, qty("5")));

        broker.onLastPrice(last("50.00", 1));

        assertThat(listener.log).containsExactly("fill O1 5@50");
        assertThat(listener.lastFill().time()).isEqualTo(minute(1)); // on a market event: the event's time
        assertThat(broker.openOrders(ACCOUNT)).isEmpty();
    }

    @Test
    void iocAndFokMarketWithoutAnyPriceExpireAtOnce() throws BrokerException {
        broker.submit(market("O1", BUY, 5, IOC));
        broker.submit(market("O2", SELL, 5, FOK));

        assertThat(listener.log).containsExactly("expired O1 no market price", "expired O2 no market price");
        assertThat(listener.expiryTimes).containsExactly(T0, T0);
        assertThat(broker.openOrders(ACCOUNT)).isEmpty();
    }

    @Test
    void limitBuyRestsThenFillsWhenTheAskTradesThroughIt() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));
        broker.submit(limit("O1", BUY, 10, "99.50", GTC));
        assertThat(listener.fills).isEmpty();

        broker.onQuote(quote("99.40", "99.60", 1)); // ask 99.60 > 99.50: still resting
        assertThat(listener.fills).isEmpty();

        broker.onQuote(quote("99.30", "99.45", 2)); // ask 99.45 <= 99.50: fills at min(99.50, 99.45) = 99.45

        assertThat(listener.log).containsExactly("fill O1 10@99.45");
        assertThat(listener.lastFill().time()).isEqualTo(minute(2));
    }

    @Test
    void limitSellRestsThenFillsWhenTheLastTradesThroughIt() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        broker.submit(limit("O1", SELL, 10, "101.00", GTC));

        broker.onLastPrice(last("100.90", 1)); // below the limit: resting
        assertThat(listener.fills).isEmpty();
        broker.onLastPrice(last("101.20", 2)); // 101.20 >= 101.00: fills at max(101.00, 101.20) = 101.20

        assertThat(listener.log).containsExactly("fill O1 10@101.2");
    }

    @Test
    void marketableLimitFillsAtOnceAtTheBetterCurrentPrice() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(limit("O1", BUY, 10, "100.50", DAY)); // ask 100.02 is better than 100.50
        broker.submit(limit("O2", SELL, 10, "99.90", DAY)); // bid 99.98 is better than 99.90

        assertThat(listener.log).containsExactly("fill O1 10@100.02", "fill O2 10@99.98");
    }

    @Test
    void stopLossBuyTriggersWhenTheAskReachesTheStopAndFillsAtTheAsk() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));
        broker.submit(stop("O1", BUY, 10, "101.00", GTC));
        assertThat(listener.fills).isEmpty();

        broker.onQuote(quote("100.90", "100.99", 1)); // ask 100.99 < 101: not triggered
        assertThat(listener.fills).isEmpty();
        broker.onQuote(quote("100.95", "101.05", 2)); // ask 101.05 >= 101: triggered, fills as market at the ask

        assertThat(listener.log).containsExactly("fill O1 10@101.05");
    }

    @Test
    void aGapThroughASellStopFillsAtTheGapPriceNotTheStop() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        broker.submit(stop("O1", SELL, 10, "95.00", GTC));

        broker.onLastPrice(last("96.00", 1)); // above the stop
        assertThat(listener.fills).isEmpty();
        broker.onLastPrice(last("92.50", 2)); // gaps through 95: fills at 92.50

        assertThat(listener.log).containsExactly("fill O1 10@92.5");
    }

    @Test
    void stopLimitTriggersThenFillsWithinItsLimit() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        broker.submit(stopLimit("O1", SELL, 10, "95.00", "94.50", GTC));

        broker.onLastPrice(last("94.80", 1)); // 94.80 <= 95 triggers; 94.80 >= 94.50 is within the limit

        assertThat(listener.log).containsExactly("fill O1 10@94.8");
    }

    @Test
    void stopLimitTriggeredBeyondItsLimitRestsAndStaysTriggered() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        broker.submit(stopLimit("O1", SELL, 10, "95.00", "94.50", GTC));

        broker.onLastPrice(last("93.00", 1)); // triggers (93 <= 95) but 93 < 94.50: rests as a sell limit at 94.50
        assertThat(listener.fills).isEmpty();
        assertThat(broker.openOrders(ACCOUNT)).hasSize(1);

        // 96 would not trigger the stop (96 > 95), but the order has triggered already: a sell limit at 94.50 fills at 96
        broker.onLastPrice(last("96.00", 2));

        assertThat(listener.log).containsExactly("fill O1 10@96");
    }

    @Test
    void aStopThatHasNotTriggeredDoesNotFillWhenThePriceComesBack() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        broker.submit(stopLimit("O1", SELL, 10, "95.00", "94.50", GTC));

        broker.onLastPrice(last("96.00", 1)); // within the limit but the stop has not triggered

        assertThat(listener.fills).isEmpty();
    }
}
