package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tradebook.core.books.Side;
import io.tradebook.core.execution.FakeBroker.Call;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeBrokerTest {
    private static final Money FEE = Money.of("1", Currency.USD);
    private static final Price P100 = Price.of("100", Currency.USD);

    private final FakeBroker broker = new FakeBroker();
    private final List<String> heard = new ArrayList<>();
    private final List<BrokerFill> fills = new ArrayList<>();

    private void listen() {
        broker.setListener(new BrokerListener() {
            @Override
            public void onFill(BrokerFill fill) {
                fills.add(fill);
            }

            @Override
            public void onCancelled(String orderId, String reason, Instant time) {
                heard.add("cancelled " + orderId + " " + reason + " " + time);
            }

            @Override
            public void onExpired(String orderId, String reason, Instant time) {
                heard.add("expired " + orderId + " " + reason + " " + time);
            }

            @Override
            public void onRejected(String orderId, String reason, Instant time) {
                heard.add("rejected " + orderId + " " + reason + " " + time);
            }
        });
    }

    @Test
    void failsTheNextSubmitsAsToldThenAccepts() throws BrokerException {
        Order o = TestOrders.marketBuy("o1", "A", "AAPL", 10);
        broker.failNextSubmits(1, "timeout", true).failNextSubmits(1, "margin", false);

        BrokerException first = catchThrowableOfType(BrokerException.class, () -> broker.submit(o));
        BrokerException second = catchThrowableOfType(BrokerException.class, () -> broker.submit(o));
        String id = broker.submit(o);

        assertThat(first).hasMessage("timeout");
        assertThat(first.isTransient()).isTrue();
        assertThat(second).hasMessage("margin");
        assertThat(second.isTransient()).isFalse();
        assertThat(id).isEqualTo("B1");
        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(3);
        assertThat(broker.submitted()).containsExactly(o);
    }

    @Test
    void recordsCancelsAndReplacesAndListsWorkingOrdersPerAccount() throws BrokerException {
        Order a = TestOrders.marketBuy("o1", "A", "AAPL", 10);
        Order b = TestOrders.marketBuy("o2", "B", "MSFT", 5);
        broker.submit(a);
        broker.submit(b);
        Order bigger = TestOrders.marketBuy("o1", "A", "AAPL", 15);

        broker.replace(a, bigger);
        broker.cancel(b);

        assertThat(broker.replaced()).containsExactly(new FakeBroker.Replacement(a, bigger));
        assertThat(broker.cancelled()).containsExactly(b);
        assertThat(broker.openOrders("A")).containsExactly(new BrokerOrder("o1", "B1", "AAPL", Side.BUY, Quantity.of(15)));
        assertThat(broker.openOrders("B")).extracting(BrokerOrder::orderId).containsExactly("o2"); // until confirmed
    }

    @Test
    void reportsFillsOnDemandAndTracksWhatRemains() throws BrokerException {
        listen();
        broker.submit(TestOrders.marketBuy("o1", "A", "AAPL", 10));
        Instant later = Instant.parse("2024-01-02T15:00:00Z");

        BrokerFill first = broker.at(later).fill("o1", Quantity.of(4), P100, FEE);
        assertThat(broker.openOrders("A")).singleElement().extracting(BrokerOrder::remaining).isEqualTo(Quantity.of(6));
        BrokerFill second = broker.fill("o1", Quantity.of(6), P100, FEE);
        broker.repeat(first);

        assertThat(fills).containsExactly(first, second, first);
        assertThat(first.brokerOrderId()).isEqualTo("B1");
        assertThat(first.tradeId()).isNotEqualTo(second.tradeId());
        assertThat(first.time()).isEqualTo(later);
        assertThat(broker.openOrders("A")).isEmpty();
    }

    @Test
    void reportsCancelsExpiriesAndLateRejectionsOnDemand() throws BrokerException {
        listen();
        broker.submit(TestOrders.marketBuy("o1", "A", "AAPL", 10));
        broker.submit(TestOrders.marketBuy("o2", "A", "AAPL", 10));
        broker.submit(TestOrders.marketBuy("o3", "A", "AAPL", 10));

        broker.confirmCancel("o1", "user");
        broker.expire("o2", "session close");
        broker.rejectLate("o3", "halted");

        assertThat(heard).containsExactly("cancelled o1 user " + TestOrders.T0, "expired o2 session close " + TestOrders.T0,
                "rejected o3 halted " + TestOrders.T0);
        assertThat(broker.openOrders("A")).isEmpty();
    }

    @Test
    void reportingWithoutAListenerIsATestBug() {
        assertThatThrownBy(() -> broker.expire("o1", "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answersTheScriptedAccountStateOrFails() throws BrokerException {
        BrokerAccountState state = new BrokerAccountState(Money.of("100", Currency.USD), Map.of("AAPL", Quantity.of(3)));
        broker.answerAccountState("A", state);
        assertThat(broker.accountState("A")).isEqualTo(state);

        BrokerException unknown = catchThrowableOfType(BrokerException.class, () -> broker.accountState("Z"));
        assertThat(unknown.isTransient()).isFalse();

        broker.failAccountState("down", true);
        assertThatThrownBy(() -> broker.accountState("A")).hasMessage("down");
        assertThatThrownBy(() -> broker.accountState("A")).hasMessage("down");

        broker.answerAccountState("A", state);
        assertThat(broker.accountState("A")).isEqualTo(state);
        assertThat(broker.attempts(Call.ACCOUNT_STATE)).isEqualTo(5);
    }

    @Test
    void queuedFailuresComeFirstAndResetForgetsThem() throws BrokerException {
        broker.answerAccountState("A", Money.of("1", Currency.USD), Map.of());
        broker.failNext(Call.ACCOUNT_STATE, 1, "once", true).failNext(Call.CANCEL, 2, "no", false);

        assertThatThrownBy(() -> broker.accountState("A")).hasMessage("once");
        assertThat(broker.accountState("A").cash()).isEqualTo(Money.of("1", Currency.USD));
        broker.reset();
        broker.cancel(TestOrders.marketBuy("o1", "A", "AAPL", 1));
        assertThat(broker.cancelled()).hasSize(1);
    }
}
