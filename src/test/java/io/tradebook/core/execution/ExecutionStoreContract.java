package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ExecutionStore} keeps, run against each implementation: in memory, H2
 * and PostgreSQL. Orders come back exactly as stored; fills change the books and the order
 * together, once per trade id, or not at all.
 */
public abstract class ExecutionStoreContract {
    protected static final Currency USD = Currency.USD;
    protected static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

    /** The store under test. */
    protected abstract ExecutionStore store();

    /** Opens a fresh account with activations for {@code strategies}; returns the key the store knows it by. */
    protected abstract String openAccount(String name, String... strategies);

    protected static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    protected static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    /** A PENDING order accepted at {@code time}; {@code limit} null makes it a market order. */
    protected static Order pending(String account, String strategy, String clientOrderId, Side side, String quantity, String limit,
                                   Instant time) {
        OrderRequest r = new OrderRequest(account, strategy, clientOrderId, "AAPL", side, limit == null ? OrderType.MARKET : OrderType.LIMIT,
                TimeInForce.GTC, Quantity.of(quantity), limit == null ? null : Price.of(limit, USD), null, null);
        return Order.accept(newOrderId(), r, limit == null ? usd("0") : Quantity.of(quantity).times(Price.of(limit, USD)), time);
    }

    /** Stores {@code order} and moves it to PLACED with a broker id; returns the placed order. */
    protected Order placed(Order order) {
        store().insert(order, OrderEvent.of(null, order));
        return place(order);
    }

    /** Moves a stored PENDING order to PLACED with a broker id; returns the placed order. */
    protected Order place(Order stored) {
        Order sent = stored.withBrokerOrderId("B-" + stored.id().substring(0, 8), stored.createdAt().plusSeconds(1))
                .moveTo(OrderStatus.PLACED, stored.createdAt().plusSeconds(1), "accepted by broker");
        store().update(sent, OrderEvent.of(stored, sent));
        return sent;
    }

    private static Fill fillOf(Order order, String tradeId, String quantity, String price, String fee, Instant time) {
        return new Fill(tradeId, order.account(), order.strategy(), order.symbol(), order.side(), Quantity.of(quantity),
                Price.of(price, USD), usd(fee), time, order.confidence());
    }

    /** Records a fill of the order through the store; returns the order after it. */
    private Order fill(Order order, String tradeId, String quantity, String price, String fee, Instant time) {
        Order after = order.filled(Quantity.of(quantity), Price.of(price, USD), Quantity.of(quantity).times(Price.of(price, USD)), time);
        assertThat(store().recordFill(after, OrderEvent.of(order, after), fillOf(order, tradeId, quantity, price, fee, time)).duplicate())
                .isFalse();
        return after;
    }

    @Test
    void everyFieldOfAnOrderComesBackExactlyAfterInsertAndUpdate() {
        String a = openAccount("round-trip", "alpha");
        OrderRequest r = new OrderRequest(a, "alpha", "client-1", "BTC", Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTC,
                Quantity.of("0.12345678"), Price.of("65000.123456789012", USD), Price.of("64999.5", USD), new BigDecimal("0.8125"));
        Order order = Order.accept(newOrderId(), r, usd("8024.69174731527832101234"), T0);
        OrderEvent created = OrderEvent.of(null, order);
        store().insert(order, created);
        assertThat(store().find(order.id())).contains(order);
        assertThat(store().findByClientOrderId(a, "client-1")).contains(order);
        assertThat(store().events(order.id())).containsExactly(created);

        Order placed = order.withBrokerOrderId("BRK-77", T0.plusMillis(1500)).moveTo(OrderStatus.PLACED, T0.plusMillis(1500), "working");
        Order retried = placed.retried("broker timeout, resent", T0.plusSeconds(2));
        Order partly = retried.filled(Quantity.of("0.00000001"), Price.of("65000.123456789012", USD), usd("0.00065000123456789012"),
                T0.plusSeconds(3));
        List<OrderEvent> history = new ArrayList<>(List.of(created));
        Order before = order;
        for (Order next : List.of(placed, retried, partly)) {
            OrderEvent e = OrderEvent.of(before, next);
            store().update(next, e);
            history.add(e);
            assertThat(store().find(order.id())).contains(next);
            before = next;
        }
        assertThat(partly.filledNotional()).isEqualTo(usd("0.00065000123456789012"));
        assertThat(store().find(order.id()).orElseThrow().filledNotional().amount()).isEqualByComparingTo("0.00065000123456789012");
        assertThat(store().events(order.id())).containsExactlyElementsOf(history);
    }

    @Test
    void aBareOrderAndARejectedOneComeBackExactly() {
        String a = openAccount("bare", "s");
        Order manual = new Order(newOrderId(), null, a, null, "MSFT", Side.SELL, OrderType.MARKET, TimeInForce.DAY, Quantity.of(7), null,
                null, OrderStatus.PENDING, Quantity.ZERO, usd("0"), null, null, null, 0, null, usd("0"), T0, T0);
        store().insert(manual, OrderEvent.of(null, manual));
        assertThat(store().find(manual.id())).contains(manual);

        OrderRequest r = new OrderRequest(a, "s", "too-big", "MSFT", Side.BUY, OrderType.STOP_LOSS, TimeInForce.DAY, Quantity.of(1000),
                null, Price.of("410.25", USD), BigDecimal.ONE);
        Order rejected = Order.reject(newOrderId(), r, RejectReason.INSUFFICIENT_BUYING_POWER, "needs 410250, has 1000", usd("0"), T0);
        store().insert(rejected, OrderEvent.of(null, rejected));
        assertThat(store().find(rejected.id())).contains(rejected);
        assertThat(store().events(rejected.id())).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("needs 410250, has 1000"));

        Order cancelled = manual.moveTo(OrderStatus.CANCELLED, T0.plusSeconds(9), "user cancelled");
        store().update(cancelled, OrderEvent.of(manual, cancelled));
        assertThat(store().find(manual.id())).contains(cancelled);
        assertThat(store().find(newOrderId())).isEmpty();
        assertThat(store().findByClientOrderId(a, "nobody's")).isEmpty();
    }

    @Test
    void aClientOrderIdIsUsedOncePerAccount() {
        String a = openAccount("first", "s");
        String b = openAccount("second", "s");
        Order first = pending(a, "s", "c-1", Side.BUY, "1", "10", T0);
        store().insert(first, OrderEvent.of(null, first));

        Order again = pending(a, "s", "c-1", Side.BUY, "2", "10", T0);
        assertThatThrownBy(() -> store().insert(again, OrderEvent.of(null, again)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client order id c-1").hasMessageContaining("already used");
        assertThat(store().find(again.id())).isEmpty();
        assertThatThrownBy(() -> store().insert(first, OrderEvent.of(null, first)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(first.id());

        Order elsewhere = pending(b, "s", "c-1", Side.SELL, "3", "10", T0);
        store().insert(elsewhere, OrderEvent.of(null, elsewhere));
        assertThat(store().findByClientOrderId(a, "c-1")).contains(first);
        assertThat(store().findByClientOrderId(b, "c-1")).contains(elsewhere);

        Order other = pending(a, "s", "c-2", Side.BUY, "1", "10", T0);
        store().insert(other, OrderEvent.of(null, other));
        Order stealing = new Order(other.id(), "c-1", a, "s", other.symbol(), other.side(), other.type(), other.timeInForce(),
                other.quantity(), other.limitPrice(), null, other.status(), other.filledQuantity(), other.filledNotional(), null, null,
                "renamed", 0, null, other.reserved(), other.createdAt(), T0.plusSeconds(1));
        assertThatThrownBy(() -> store().update(stealing, OrderEvent.of(other, stealing)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already used");
        assertThat(store().find(other.id())).contains(other);
        assertThat(store().events(other.id())).hasSize(1);
    }

    @Test
    void unknownAccountsStrategiesAndOrdersAreRefused() {
        String a = openAccount("known", "s");
        Order noStrategy = pending(a, "nobody", null, Side.BUY, "1", "10", T0);
        assertThatThrownBy(() -> store().insert(noStrategy, OrderEvent.of(null, noStrategy)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        String stranger = UUID.randomUUID().toString();
        Order noAccount = pending(stranger, "s", null, Side.BUY, "1", "10", T0);
        assertThatThrownBy(() -> store().insert(noAccount, OrderEvent.of(null, noAccount)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(stranger);
        Order neverStored = pending(a, "s", null, Side.BUY, "1", "10", T0);
        Order moved = neverStored.moveTo(OrderStatus.PLACED, T0, null);
        assertThatThrownBy(() -> store().update(moved, OrderEvent.of(neverStored, moved)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(neverStored.id());
        Order stored = pending(a, "s", null, Side.BUY, "1", "10", T0);
        store().insert(stored, OrderEvent.of(null, stored));
        assertThatThrownBy(() -> store().update(stored, OrderEvent.of(null, neverStored)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event of order");
        assertThat(store().find(noStrategy.id())).isEmpty();
        assertThat(store().events(stored.id())).hasSize(1);
    }

    @Test
    void openOrdersComeOldestFirstAndEventsInTheOrderStored() {
        String a = openAccount("open", "s");
        String b = openAccount("other", "s");
        Order late = pending(a, "s", null, Side.BUY, "1", "10", T0.plusSeconds(20));
        Order early = pending(a, "s", null, Side.BUY, "1", "10", T0);
        Order middle = pending(a, "s", null, Side.SELL, "1", "10", T0.plusSeconds(10));
        Order done = pending(a, "s", null, Side.BUY, "1", "10", T0.plusSeconds(5));
        Order foreign = pending(b, "s", null, Side.BUY, "1", "10", T0.plusSeconds(1));
        for (Order o : List.of(late, early, middle, done, foreign)) {
            store().insert(o, OrderEvent.of(null, o));
        }
        Order middlePlaced = place(middle);
        Order cancelled = done.moveTo(OrderStatus.CANCELLED, T0.plusSeconds(30), "cancelled");
        store().update(cancelled, OrderEvent.of(done, cancelled));
        assertThat(store().openOrders(a)).containsExactly(early, middlePlaced, late);
        assertThat(store().openOrders(b)).containsExactly(foreign);
        assertThat(store().openOrders(UUID.randomUUID().toString())).isEmpty();

        assertThat(store().events(middle.id())).extracting(OrderEvent::to).containsExactly(OrderStatus.PENDING, OrderStatus.PLACED);
        assertThat(store().events(done.id())).extracting(OrderEvent::from).containsExactly(null, OrderStatus.PENDING);
        assertThat(store().events(newOrderId())).isEmpty();
    }

    @Test
    void ordersCreatedAtTheSameInstantComeInTheOrderOfTheirIds() {
        String a = openAccount("ties", "s");
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Order o = pending(a, "s", null, Side.BUY, "1", "10", T0);
            store().insert(o, OrderEvent.of(null, o));
            orders.add(o);
        }
        orders.sort(InMemoryExecutionStore.OLDEST_FIRST);
        assertThat(store().openOrders(a)).containsExactlyElementsOf(orders);
    }

    @Test
    void aFillChangesTheBooksAndTheOrderTogetherAndOnlyOnce() {
        String a = openAccount("fills", "s");
        store().books().deposit(a, usd("10000"), T0, "initial");
        Order order = placed(pending(a, "s", "f-1", Side.BUY, "10", "101.5", T0));

        Order partly = order.filled(Quantity.of(4), Price.of("101.25", USD), usd("406"), T0.plusSeconds(5));
        FillResult first = store().recordFill(partly, OrderEvent.of(order, partly), fillOf(order, "T-1", "4", "101.25", "1", T0.plusSeconds(5)));
        assertThat(first.duplicate()).isFalse();
        assertThat(first.change().after().quantity()).isEqualTo(Quantity.of(4));
        assertThat(store().find(order.id())).contains(partly);
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        AccountSnapshot afterFirst = store().books().snapshot(a);
        assertThat(afterFirst.cash()).isEqualTo(usd("9594")); // 10000 - 4 × 101.25 - 1
        int events = store().events(order.id()).size();

        // The broker reports T-1 again, and the order path, not knowing, computes a FILLED order.
        Order wrong = partly.filled(Quantity.of(6), Price.of("101.25", USD), usd("607.5"), T0.plusSeconds(6));
        FillResult again = store().recordFill(wrong, OrderEvent.of(partly, wrong), fillOf(order, "T-1", "6", "101.25", "1", T0.plusSeconds(6)));
        assertThat(again.duplicate()).isTrue();
        assertThat(store().find(order.id())).contains(partly);
        assertThat(store().events(order.id())).hasSize(events);
        assertThat(store().books().snapshot(a)).isEqualTo(afterFirst);

        Order filled = fill(partly, "T-2", "6", "101.5", "1.5", T0.plusSeconds(7));
        assertThat(store().find(order.id())).contains(filled);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averageFillPrice()).isEqualTo(Price.of("101.4", USD)); // (405 + 609) / 10
        assertThat(store().openOrders(a)).isEmpty();
        assertThat(store().events(order.id())).extracting(OrderEvent::to).containsExactly(OrderStatus.PENDING, OrderStatus.PLACED,
                OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        AccountSnapshot end = store().books().snapshot(a);
        assertThat(end.cash()).isEqualTo(usd("8983.5")); // 9594 - 609 - 1.5
        assertThat(end.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(10)));
        assertThat(store().books().verify(a)).isEmpty();
    }

    @Test
    void aFailingFillChangesNeitherTheOrderNorTheBooks() {
        String a = openAccount("failing", "s");
        String b = openAccount("elsewhere", "s");
        store().books().deposit(a, usd("1000"), T0, "initial");
        Order order = placed(pending(a, "s", "mine", Side.BUY, "5", "20", T0));
        Order other = placed(pending(a, "s", "theirs", Side.BUY, "5", "20", T0));
        AccountSnapshot books = store().books().snapshot(a);
        List<OrderEvent> history = store().events(order.id());
        Order after = order.filled(Quantity.of(5), Price.of("20", USD), usd("100"), T0.plusSeconds(3));
        OrderEvent event = OrderEvent.of(order, after);

        // the books refuse the fill: an unknown strategy
        Fill unknownStrategy = new Fill("X-1", a, "nobody", "AAPL", Side.BUY, Quantity.of(5), Price.of("20", USD), usd("0"), T0, null);
        assertThatThrownBy(() -> store().recordFill(after, event, unknownStrategy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        // the order's new state is refused after the books took the fill: it takes another order's client id
        Order clashing = new Order(after.id(), "theirs", a, "s", after.symbol(), after.side(), after.type(), after.timeInForce(),
                after.quantity(), after.limitPrice(), null, after.status(), after.filledQuantity(), after.filledNotional(),
                after.brokerOrderId(), null, after.message(), 0, null, after.reserved(), after.createdAt(), after.updatedAt());
        assertThatThrownBy(() -> store().recordFill(clashing, OrderEvent.of(order, clashing), fillOf(order, "X-2", "5", "20", "0", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already used");
        // a fill of another account, and a fill of an order never stored
        assertThatThrownBy(() -> store().recordFill(after, event, fillOf(pending(b, "s", null, Side.BUY, "5", "20", T0), "X-3", "5", "20",
                "0", T0))).isInstanceOf(IllegalArgumentException.class);
        Order ghost = pending(a, "s", null, Side.BUY, "5", "20", T0);
        Order ghostFilled = ghost.moveTo(OrderStatus.PLACED, T0, null).filled(Quantity.of(5), Price.of("20", USD), usd("100"), T0);
        assertThatThrownBy(() -> store().recordFill(ghostFilled, OrderEvent.of(ghost, ghostFilled), fillOf(ghost, "X-4", "5", "20", "0", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ghost.id());

        assertThat(store().find(order.id())).contains(order);
        assertThat(store().events(order.id())).isEqualTo(history);
        assertThat(store().find(other.id()).orElseThrow().clientOrderId()).isEqualTo("theirs");
        assertThat(store().find(ghost.id())).isEmpty();
        assertThat(store().books().snapshot(a)).isEqualTo(books);
        assertThat(store().books().verify(a)).isEmpty();
        // and the trade ids the failures carried are still free
        assertThat(store().recordFill(after, event, fillOf(order, "X-2", "5", "20", "0", T0.plusSeconds(3))).duplicate()).isFalse();
        assertThat(store().find(order.id())).contains(after);
    }

    @Test
    void concurrentFillsOnOneAccountLoseNothingAndDoubleNothing() throws Exception {
        int threads = 4;
        int fills = 20;
        String[] strategies = {"s1", "s2", "s3", "s4"};
        String a = openAccount("busy", strategies);
        store().books().deposit(a, usd("1000000"), T0, "initial");
        List<Order> orders = new ArrayList<>();
        for (String s : strategies) {
            orders.add(placed(pending(a, s, "busy-" + s, Side.BUY, String.valueOf(fills * 2), "100.5", T0)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Order>> done = new ArrayList<>();
        for (Order o : orders) {
            done.add(pool.submit(() -> {
                start.await();
                Order current = o;
                for (int i = 0; i < fills; i++) {
                    Instant t = T0.plusSeconds(10 + i);
                    Order next = current.filled(Quantity.of(2), Price.of("100.5", USD), usd("201"), t);
                    Fill f = fillOf(current, o.strategy() + "-" + i, "2", "100.5", "0.25", t);
                    assertThat(store().recordFill(next, OrderEvent.of(current, next), f).duplicate()).isFalse();
                    assertThat(store().recordFill(next, OrderEvent.of(current, next), f).duplicate()).isTrue();
                    current = next;
                }
                return current;
            }));
        }
        start.countDown();
        for (int i = 0; i < threads; i++) {
            Order last = done.get(i).get(2, TimeUnit.MINUTES);
            assertThat(last.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(store().find(last.id())).contains(last);
            assertThat(store().events(last.id())).hasSize(2 + fills);
        }
        pool.shutdown();
        // each order: 20 buys of 2 @ 100.5 (4020) and 20 fees of 0.25 (5)
        assertThat(store().books().snapshot(a).cash()).isEqualTo(usd("983900")); // 1000000 - 4 × 4025
        assertThat(store().books().snapshot(a).positions()).hasSize(threads)
                .allSatisfy(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(fills * 2)));
        assertThat(store().books().verify(a)).isEmpty();
        assertThat(store().openOrders(a)).isEmpty();
    }
}
