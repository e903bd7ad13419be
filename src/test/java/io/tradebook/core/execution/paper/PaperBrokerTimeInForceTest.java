package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.ACCOUNT;
import static io.tradebook.core.execution.paper.PaperFixtures.bar;
import static io.tradebook.core.execution.paper.PaperFixtures.broker;
import static io.tradebook.core.execution.paper.PaperFixtures.last;
import static io.tradebook.core.execution.paper.PaperFixtures.limit;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.minute;
import static io.tradebook.core.execution.paper.PaperFixtures.quote;
import static io.tradebook.core.execution.paper.PaperFixtures.stop;
import static io.tradebook.core.execution.paper.PaperFixtures.usd;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static io.tradebook.core.orders.TimeInForce.FOK;
import static io.tradebook.core.orders.TimeInForce.GTC;
import static io.tradebook.core.orders.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.execution.BrokerOrder;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** IOC, FOK, DAY and GTC: what fills at once, what expires, what survives the session close. */
class PaperBrokerTimeInForceTest {
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");
    private final RecordingBrokerListener listener = new RecordingBrokerListener();

    @Test
    void iocOnBarsFillsWhatTheNextBarAllowsAndTheRestExpires() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), TEN_PERCENT, listener);
        broker.onBar(bar(0, "100.00", "101.00", "99.00", "100.50", 1000));
        broker.submit(market("O1", BUY, 150, IOC));
        assertThat(listener.log).isEmpty(); // bars are being seen: it waits for the next one

        broker.onBar(bar(1, "100.40", "101.00", "100.00", "100.80", 1000)); // 10% of 1000 = 100 fills, 50 expire

        assertThat(listener.log).containsExactly("fill O1 100@100.4",
                "expired O1 immediate-or-cancel: the rest did not fill at once");
        assertThat(listener.expiryTimes).containsExactly(minute(1));
        assertThat(broker.openOrders(ACCOUNT)).isEmpty();
    }

    @Test
    void iocLimitThatIsNotMarketableExpiresAtOnceWithNothingFilled() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(limit("O1", BUY, 10, "99.00", IOC)); // ask 100.02 > 99
        broker.submit(limit("O2", BUY, 10, "100.50", IOC)); // marketable: fills all at 100.02

        assertThat(listener.log).containsExactly("expired O1 immediate-or-cancel: the rest did not fill at once",
                "fill O2 10@100.02");
    }

    @Test
    void fokOnABarThatCannotFillItAllExpiresWithNothingFilled() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), TEN_PERCENT, listener);
        broker.onBar(bar(0, "100.00", "101.00", "99.00", "100.50", 1000));
        broker.submit(market("O1", BUY, 150, FOK));
        broker.submit(market("O2", BUY, 80, FOK));

        // cap 100: O1 needs 150 and gets nothing; its failed attempt uses none of the cap, so O2 gets its 80
        broker.onBar(bar(1, "100.40", "101.00", "100.00", "100.80", 1000));

        assertThat(listener.log).containsExactly("expired O1 fill-or-kill: could not fill completely at once",
                "fill O2 80@100.4");
        // 100000 - 80 × 100.40 = 100000 - 8032 = 91968: O1 moved no cash
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("91968"));
    }

    @Test
    void fokOnTheLiveFeedFillsCompletelyOrNotAtAll() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(limit("O1", SELL, 10, "100.00", FOK)); // bid 99.98 < 100
        broker.submit(market("O2", SELL, 10, FOK));

        assertThat(listener.log).containsExactly("expired O1 fill-or-kill: could not fill completely at once",
                "fill O2 10@99.98");
    }

    @Test
    void dayOrdersExpireAtTheSessionCloseWhileGtcOrdersSurviveIt() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), listener);
        broker.onLastPrice(last("100.00", 0));
        broker.submit(limit("O1", BUY, 10, "95.00", DAY));
        broker.submit(limit("O2", BUY, 10, "95.00", GTC));
        broker.submit(stop("O3", SELL, 10, "90.00", DAY));

        broker.closeSession(minute(390));

        assertThat(listener.log).containsExactly("expired O1 session close", "expired O3 session close");
        assertThat(listener.expiryTimes).containsExactly(minute(390), minute(390));
        assertThat(broker.openOrders(ACCOUNT)).extracting(BrokerOrder::orderId).containsExactly("O2");

        broker.onLastPrice(last("94.00", 391)); // the next session: only O2 is still there to fill

        assertThat(listener.log).containsExactly("expired O1 session close", "expired O3 session close", "fill O2 10@94");
    }

    @Test
    void anIocStillWaitingForItsBarExpiresAtTheSessionClose() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), listener);
        broker.onBar(bar(0, "100.00", "101.00", "99.00", "100.50", 1000));
        broker.submit(market("O1", BUY, 10, IOC));

        broker.closeSession(minute(390));
        broker.onBar(bar(391, "100.40", "101.00", "100.00", "100.80", 1000));

        assertThat(listener.log).containsExactly("expired O1 session close");
    }
}
