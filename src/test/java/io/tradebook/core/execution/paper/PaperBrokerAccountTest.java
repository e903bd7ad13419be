package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.AAPL;
import static io.tradebook.core.execution.paper.PaperFixtures.ACCOUNT;
import static io.tradebook.core.execution.paper.PaperFixtures.CONFIG;
import static io.tradebook.core.execution.paper.PaperFixtures.INSTRUMENTS;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.minute;
import static io.tradebook.core.execution.paper.PaperFixtures.order;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static io.tradebook.core.execution.paper.PaperFixtures.qty;
import static io.tradebook.core.execution.paper.PaperFixtures.quote;
import static io.tradebook.core.execution.paper.PaperFixtures.usd;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.execution.BrokerAccountState;
import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.LastPrice;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.OrderType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paper broker's own cash and positions per account. */
class PaperBrokerAccountTest {
    private final RecordingBrokerListener listener = new RecordingBrokerListener();
    private PaperBroker broker;

    @BeforeEach
    void tenThousandDollarsAndOneDollarPerOrder() {
        broker = new PaperBroker(INSTRUMENTS, new NoSlippage(), new FixedPerOrderCommission(usd("1")), CONFIG);
        broker.setListener(listener);
        broker.fund(ACCOUNT, usd("10000"));
    }

    @Test
    void fillsMoveCashByQuantityTimesPriceAndTheFeeAndPositionsByTheQuantity() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));
        broker.onLastPrice(new LastPrice("BTCUSD", px("60000.01"), minute(0)));

        broker.submit(market("O1", BUY, 30, DAY)); // 10000 - 30 × 100.02 - 1 = 10000 - 3000.60 - 1 = 6998.40
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("6998.40"));
        broker.submit(market("O2", SELL, 50, DAY)); // + 50 × 99.98 - 1 = + 4999 - 1 → 11996.40, short 20
        broker.submit(order("O3", "BTCUSD", BUY, OrderType.MARKET, DAY, qty("0.5"), null, null)); // - 30000.005 - 1

        BrokerAccountState state = broker.accountState(ACCOUNT);
        assertThat(state.cash()).isEqualTo(usd("-18004.605")); // the paper broker lets cash go negative
        assertThat(state.positions()).isEqualTo(Map.of("AAPL", qty("-20"), "BTCUSD", qty("0.5")));
    }

    @Test
    void aFlatPositionIsNotReported() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));

        broker.submit(market("O1", BUY, 10, DAY)); // - 1000.20 - 1
        broker.submit(market("O2", SELL, 10, DAY)); // + 999.80 - 1

        assertThat(broker.accountState(ACCOUNT).positions()).isEmpty();
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("9997.60")); // 10000 - 0.40 spread - 2 fees
    }

    @Test
    void fundAddsUpAndRefusesAnotherCurrencyOrANonPositiveAmount() throws BrokerException {
        broker.fund(ACCOUNT, usd("2500.25"));

        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("12500.25"));
        assertThatThrownBy(() -> broker.fund(ACCOUNT, Money.of("1", Currency.of("EUR")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> broker.fund(ACCOUNT, usd("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("12500.25"));
    }

    @Test
    void withdrawTakesCashOutAndRefusesAnotherCurrencyANonPositiveAmountOrAnUnknownAccount() throws BrokerException {
        broker.withdraw(ACCOUNT, usd("2500.25"));

        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("7499.75"));
        assertThatThrownBy(() -> broker.withdraw(ACCOUNT, Money.of("1", Currency.of("EUR")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> broker.withdraw(ACCOUNT, usd("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> broker.withdraw("nobody", usd("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(broker.accountState(ACCOUNT).cash()).isEqualTo(usd("7499.75"));
    }

    @Test
    void anOrderInAnotherCurrencyThanTheAccountsIsRefused() {
        Instrument sap = Instrument.equity("SAP", Currency.of("EUR"));
        PaperBroker euro = new PaperBroker(s -> s.equals("SAP") ? Optional.of(sap) : Optional.of(AAPL), new NoSlippage(),
                new NoCommission(), CONFIG);
        euro.setListener(listener);
        euro.fund(ACCOUNT, usd("10000"));

        assertThatThrownBy(() -> euro.submit(order("O1", "SAP", BUY, OrderType.MARKET, DAY, qty("1"), null, null)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("holds USD");
    }
}
