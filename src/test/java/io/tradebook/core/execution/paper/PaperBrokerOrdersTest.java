package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.ACCOUNT;
import static io.tradebook.core.execution.paper.PaperFixtures.CONFIG;
import static io.tradebook.core.execution.paper.PaperFixtures.INSTRUMENTS;
import static io.tradebook.core.execution.paper.PaperFixtures.bar;
import static io.tradebook.core.execution.paper.PaperFixtures.broker;
import static io.tradebook.core.execution.paper.PaperFixtures.last;
import static io.tradebook.core.execution.paper.PaperFixtures.limit;
import static io.tradebook.core.execution.paper.PaperFixtures.market;
import static io.tradebook.core.execution.paper.PaperFixtures.order;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static io.tradebook.core.execution.paper.PaperFixtures.qty;
import static io.tradebook.core.execution.paper.PaperFixtures.quote;
import static io.tradebook.core.execution.paper.PaperFixtures.stop;
import static io.tradebook.core.orders.TimeInForce.DAY;
import static io.tradebook.core.orders.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.execution.BrokerFill;
import io.tradebook.core.execution.BrokerOrder;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderType;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ids, cancel, replace and the broker's refusals. */
class PaperBrokerOrdersTest {
    private RecordingBrokerListener listener;
    private PaperBroker broker;

    @BeforeEach
    void brokerWithoutCosts() {
        listener = new RecordingBrokerListener();
        broker = broker(new NoSlippage(), new NoCommission(), listener);
    }

    @Test
    void brokerOrderIdsAndTradeIdsCountUp() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));

        String first = broker.submit(market("O1", BUY, 1, DAY));
        String second = broker.submit(market("O2", BUY, 1, DAY));

        assertThat(first).isEqualTo("P-1");
        assertThat(second).isEqualTo("P-2");
        assertThat(listener.fills).extracting(BrokerFill::tradeId).containsExactly("PT-1", "PT-2");
        assertThat(listener.fills).extracting(BrokerFill::brokerOrderId).containsExactly("P-1", "P-2");
    }

    @Test
    void submittingTheSameOrderTwiceChangesNothing() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        Order o = market("O1", BUY, 5, DAY);

        String first = broker.submit(o);
        String again = broker.submit(o);

        assertThat(again).isEqualTo(first);
        assertThat(listener.fills).hasSize(1);
        assertThat(broker.accountState(ACCOUNT).positions()).containsEntry("AAPL", qty("5"));
    }

    @Test
    void cancelRemovesAWorkingOrderAndReportsIt() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        Order o = limit("O1", BUY, 10, "95.00", GTC);
        broker.submit(o);

        broker.cancel(o);
        broker.onLastPrice(last("94.00", 1)); // through the old limit: nothing may fill now

        assertThat(listener.log).containsExactly("cancelled O1 cancelled");
        assertThat(broker.openOrders(ACCOUNT)).isEmpty();
    }

    @Test
    void cancelOfAnUnknownOrderIsABrokerExceptionThatIsNotTransient() {
        assertThatThrownBy(() -> broker.cancel(market("NOPE", BUY, 1, DAY)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("NOPE").hasMessageContaining("no such order");
    }

    @Test
    void cancelOrReplaceOfAFilledOrderSaysItHasFilled() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        Order o = market("O1", BUY, 1, DAY);
        broker.submit(o);

        assertThatThrownBy(() -> broker.cancel(o)).isInstanceOf(BrokerException.class).hasMessageContaining("already filled");
        assertThatThrownBy(() -> broker.replace(o, o)).isInstanceOf(BrokerException.class).hasMessageContaining("already filled");
    }

    @Test
    void replaceTakesTheNewLimitAndQuantityAndRechecksAgainstTheLatestPrice() throws BrokerException {
        broker.onQuote(quote("99.98", "100.02", 0));
        Order o = limit("O1", BUY, 10, "99.00", GTC);
        broker.submit(o);
        assertThat(listener.fills).isEmpty();

        broker.replace(o, limit("O1", BUY, 12, "100.05", GTC)); // now marketable: 12 at the ask 100.02

        assertThat(listener.log).containsExactly("fill O1 12@100.02");
        assertThat(broker.openOrders(ACCOUNT)).isEmpty();
    }

    @Test
    void replaceOfARestingOrderKeepsItWorkingWithTheNewTerms() throws BrokerException {
        broker.onLastPrice(last("100.00", 0));
        Order o = stop("O1", SELL, 10, "95.00", GTC);
        broker.submit(o);

        broker.replace(o, stop("O1", SELL, 7, "97.00", GTC));
        assertThat(broker.openOrders(ACCOUNT)).containsExactly(new BrokerOrder("O1", "P-1", "AAPL", SELL, qty("7")));
        broker.onLastPrice(last("96.50", 1)); // reaches the new stop 97, not the old 95

        assertThat(listener.log).containsExactly("fill O1 7@96.5");
    }

    @Test
    void replaceOnBarsMatchesFromTheNextBarOn() throws BrokerException {
        broker.onBar(bar(0, "100.00", "101.00", "99.00", "100.50", 1000));
        Order o = limit("O1", BUY, 10, "95.00", GTC);
        broker.submit(o);
        broker.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000));

        broker.replace(o, limit("O1", BUY, 10, "99.60", GTC)); // bar 1's low 99.50 would fill it, but bar 1 is past
        assertThat(listener.fills).isEmpty();
        broker.onBar(bar(2, "99.90", "100.10", "99.40", "99.80", 1000)); // low 99.40 <= 99.60: at the limit

        assertThat(listener.log).containsExactly("fill O1 10@99.6");
    }

    @Test
    void replaceRefusesAQuantityNotAboveWhatHasFilled() throws BrokerException {
        PaperBroker capped = broker(new NoSlippage(), new NoCommission(), new BigDecimal("0.10"), listener);
        Order o = market("O1", BUY, 150, GTC);
        capped.submit(o);
        capped.onBar(bar(1, "100.00", "100.50", "99.50", "100.20", 1000)); // 100 of 150 fill

        assertThatThrownBy(() -> capped.replace(o, market("O1", BUY, 100, GTC)))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("must exceed the 100 already filled");
        capped.replace(o, market("O1", BUY, 120, GTC));
        assertThat(capped.openOrders(ACCOUNT).get(0).remaining()).isEqualTo(qty("20"));
    }

    @Test
    void replaceRefusesAnUnknownOrderAndAChangeOfSide() throws BrokerException {
        Order unknown = limit("NOPE", BUY, 10, "95.00", GTC);
        assertThatThrownBy(() -> broker.replace(unknown, unknown)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("no such order");

        Order o = limit("O1", BUY, 10, "95.00", GTC);
        broker.submit(o);
        assertThatThrownBy(() -> broker.replace(o, limit("O1", SELL, 10, "95.00", GTC))).isInstanceOf(BrokerException.class)
                .hasMessageContaining("only its quantity, limit and stop");
    }

    @Test
    void submitRefusesAnUnknownInstrumentAndAPriceOffTheTick() {
        Order unknown = order("O1", "NOPE", BUY, OrderType.MARKET, DAY, qty("1"), null, null);
        assertThatThrownBy(() -> broker.submit(unknown))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("does not know the instrument NOPE");
        assertThatThrownBy(() -> broker.submit(limit("O2", BUY, 1, "100.005", DAY))).isInstanceOf(BrokerException.class)
                .hasMessageContaining("not a multiple of the tick size");
        assertThat(broker.openOrders(ACCOUNT)).isEmpty();
    }

    @Test
    void accountStateOfAnAccountNeverSeenIsABrokerException() {
        assertThatThrownBy(() -> broker.accountState("ghost")).isInstanceOf(BrokerException.class).hasMessageContaining("ghost");
    }

    @Test
    void openOrdersListsOnlyTheAccountsWorkingOrdersOldestFirst() throws BrokerException {
        broker.submit(limit("O1", BUY, 10, "95.00", GTC));
        broker.submit(order("O2", "AAPL", SELL, OrderType.LIMIT, GTC, qty("3"), px("105.00"), null));

        assertThat(broker.openOrders(ACCOUNT)).containsExactly(new BrokerOrder("O1", "P-1", "AAPL", BUY, qty("10")),
                new BrokerOrder("O2", "P-2", "AAPL", SELL, qty("3")));
        assertThat(broker.openOrders("B")).isEmpty();
    }

    @Test
    void submitBeforeAListenerIsSetIsAProgrammingError() {
        PaperBroker bare = new PaperBroker(INSTRUMENTS, new NoSlippage(), new NoCommission(), CONFIG);
        bare.fund(ACCOUNT, Money.of("1", PaperFixtures.USD));
        assertThatThrownBy(() -> bare.submit(market("O1", BUY, 1, DAY))).isInstanceOf(IllegalStateException.class);
    }
}
