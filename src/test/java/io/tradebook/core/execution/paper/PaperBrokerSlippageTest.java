package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.broker;
import static io.tradebook.core.execution.paper.PaperFixtures.last;
import static io.tradebook.core.execution.paper.PaperFixtures.limit;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static io.tradebook.core.execution.paper.PaperFixtures.quote;
import static io.tradebook.core.execution.paper.PaperFixtures.stop;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static io.tradebook.core.orders.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.execution.BrokerException;
import org.junit.jupiter.api.Test;

/** Fills at the ask, the bid and the last price with each slippage model, rounded to the cent against the trader. */
class PaperBrokerSlippageTest {
    private final RecordingBrokerListener listener = new RecordingBrokerListener();

    @Test
    void noSlippageFillsAtTheAskAndTheBid() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new NoCommission(), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 1, DAY));
        broker.submit(market("O2", SELL, 1, DAY));

        assertThat(listener.fillPrices()).containsExactly(px("100.02"), px("99.98"));
    }

    @Test
    void basisPointsSlippageMovesAgainstTheTraderAndRoundsToTheTickAgainstHim() throws BrokerException {
        PaperBroker broker = broker(BasisPointsSlippage.of("5"), new NoCommission(), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 1, DAY)); // 100.02 × 1.0005 = 100.07001 → up to 100.08
        broker.submit(market("O2", SELL, 1, DAY)); // 99.98 × 0.9995 = 99.93001 → down to 99.93

        assertThat(listener.fillPrices()).containsExactly(px("100.08"), px("99.93"));
    }

    @Test
    void basisPointsSlippageOnTheLastPrice() throws BrokerException {
        PaperBroker broker = broker(BasisPointsSlippage.of("10"), new NoCommission(), listener);
        broker.onLastPrice(last("50.00", 0));

        broker.submit(market("O1", BUY, 1, DAY)); // 50 × 1.001 = 50.05, on the tick
        broker.submit(market("O2", SELL, 1, DAY)); // 50 × 0.999 = 49.95

        assertThat(listener.fillPrices()).containsExactly(px("50.05"), px("49.95"));
    }

    @Test
    void fixedSlippageAddsToABuyAndTakesFromASell() throws BrokerException {
        PaperBroker broker = broker(FixedSlippage.of("0.03"), new NoCommission(), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 1, DAY)); // 100.02 + 0.03
        broker.submit(market("O2", SELL, 1, DAY)); // 99.98 - 0.03

        assertThat(listener.fillPrices()).containsExactly(px("100.05"), px("99.95"));
    }

    @Test
    void fixedSlippageOffTheTickIsRoundedAgainstTheTrader() throws BrokerException {
        PaperBroker broker = broker(FixedSlippage.of("0.005"), new NoCommission(), listener);
        broker.onLastPrice(last("101.50", 0));

        broker.submit(market("O1", BUY, 1, DAY)); // 101.505 → up to 101.51
        broker.submit(market("O2", SELL, 1, DAY)); // 101.495 → down to 101.49

        assertThat(listener.fillPrices()).containsExactly(px("101.51"), px("101.49"));
    }

    @Test
    void aTriggeredStopPaysSlippageOnTopOfTheGapPrice() throws BrokerException {
        PaperBroker broker = broker(FixedSlippage.of("0.10"), new NoCommission(), listener);
        broker.onLastPrice(last("100.00", 0));
        broker.submit(stop("O1", SELL, 10, "95.00", GTC));

        broker.onLastPrice(last("92.50", 1)); // gap through 95: 92.50 - 0.10

        assertThat(listener.fillPrices()).containsExactly(px("92.40"));
    }

    @Test
    void slippageNeverPushesALimitFillPastItsLimit() throws BrokerException {
        PaperBroker broker = broker(BasisPointsSlippage.of("5"), new NoCommission(), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(limit("O1", BUY, 1, "100.50", DAY)); // 100.02 + 5 bps → 100.08, inside the limit
        broker.submit(limit("O2", BUY, 1, "100.05", DAY)); // 100.08 would pass the limit: capped at 100.05
        broker.submit(limit("O3", SELL, 1, "99.95", DAY)); // 99.98 - 5 bps → 99.93 would pass 99.95: capped at 99.95

        assertThat(listener.fillPrices()).containsExactly(px("100.08"), px("100.05"), px("99.95"));
    }
}
