package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.ACCOUNT;
import static io.tradebook.core.execution.paper.PaperFixtures.bar;
import static io.tradebook.core.execution.paper.PaperFixtures.broker;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.quote;
import static io.tradebook.core.execution.paper.PaperFixtures.usd;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static io.tradebook.core.orders.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.execution.BrokerFill;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Commission charged on the paper broker's fills, and the cash it moves; every figure worked by hand. */
class PaperBrokerCommissionTest {
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");
    private final RecordingBrokerListener listener = new RecordingBrokerListener();

    @Test
    void perShareWithAMinimumOverPartialFillsAddsUpToTheOrdersCommission() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new PerShareCommission(usd("0.005"), usd("1.00")), TEN_PERCENT, listener);
        broker.submit(market("O1", BUY, 500, GTC));

        broker.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000)); // 100 @ 100
        broker.onBar(bar(2, "101.00", "101.50", "100.50", "101.20", 1500)); // 150 @ 101
        broker.onBar(bar(3, "102.00", "102.50", "101.50", "102.20", 2500)); // 250 @ 102

        // totals: after 100: max(1, 0.50) = 1.00; after 250: max(1, 1.25) = 1.25; after 500: max(1, 2.50) = 2.50
        assertThat(listener.fills).extracting(BrokerFill::fee).containsExactly(usd("1.00"), usd("0.25"), usd("1.25"));
        assertThat(listener.fills.stream().map(BrokerFill::fee).reduce(usd("0"), (a, b) -> a.plus(b))).isEqualTo(usd("2.50"));
        // 100000 - (100 × 100 + 150 × 101 + 250 × 102) - 2.50 = 100000 - 50650 - 2.50
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("49347.50"));
    }

    @Test
    void perShareChargesTheMinimumOnASmallOrder() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new PerShareCommission(usd("0.005"), usd("1.00")), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 50, DAY)); // 50 × 0.005 = 0.25 < 1.00

        assertThat(listener.lastFill().fee()).isEqualTo(usd("1.00"));
        // 100000 - 50 × 100.02 - 1 = 100000 - 5001 - 1
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("94998"));
    }

    @Test
    void basisPointsOfEachFillsNotionalExactly() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), BasisPointsCommission.of("2.5"), listener);
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 10, DAY)); // 1000.20 × 0.00025 = 0.25005
        broker.submit(market("O2", SELL, 3, DAY)); // 299.94 × 0.00025 = 0.074985

        assertThat(listener.fills).extracting(BrokerFill::fee).containsExactly(usd("0.25005"), usd("0.074985"));
        // 100000 - 1000.20 - 0.25005 + 299.94 - 0.074985 = 99299.414965
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("99299.414965"));
    }

    @Test
    void fixedPerOrderIsChargedOnTheFirstFillOnly() throws BrokerException {
        PaperBroker broker = broker(new NoSlippage(), new FixedPerOrderCommission(usd("4.95")), TEN_PERCENT, listener);
        broker.submit(market("O1", BUY, 150, GTC));

        broker.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000)); // 100 @ 100, fee 4.95
        broker.onBar(bar(2, "101.00", "101.50", "100.50", "101.20", 1000)); // 50 @ 101, free
        broker.submit(market("O2", SELL, 20, GTC));
        broker.onBar(bar(3, "102.00", "102.50", "101.50", "102.20", 1000)); // a new order: 20 @ 102, fee 4.95

        assertThat(listener.fills).extracting(BrokerFill::fee).containsExactly(usd("4.95"), usd("0"), usd("4.95"));
        // 100000 - 10000 - 5050 - 4.95 + 2040 - 4.95 = 86980.10
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("86980.10"));
    }
}
