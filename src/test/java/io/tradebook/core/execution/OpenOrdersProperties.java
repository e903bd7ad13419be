package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;

/**
 * {@link OpenOrders} keeps what open orders hold back as running sums: after any sequence of
 * orders placed, partly filled, replaced by later states and removed, each sum equals the same
 * sum taken afresh over the orders it holds.
 */
class OpenOrdersProperties {
    private static final String[] STRATEGIES = {"alpha", "beta", "gamma"};
    private static final String[] SYMBOLS = {"AAPL", "MSFT"};

    @Property(tries = 200)
    void runningSumsEqualSumsTakenAfresh(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OpenOrders open = new OpenOrders();
        List<Order> live = new ArrayList<>();
        int next = 0;
        for (int step = 0; step < 120; step++) {
            int action = live.isEmpty() ? 0 : random.nextInt(4);
            switch (action) {
                case 0 -> {
                    Order o = place("o" + next++, random);
                    open.put(o);
                    live.add(o);
                }
                case 1 -> {
                    int at = random.nextInt(live.size());
                    Order o = live.get(at);
                    Order later = partlyFilled(o, random);
                    open.put(later);
                    live.set(at, later);
                }
                default -> open.remove(live.remove(random.nextInt(live.size())).id());
            }
            assertMatches(open, live);
            assertMatches(open.without(live.isEmpty() ? "none" : live.get(0).id()),
                    live.isEmpty() ? live : live.subList(1, live.size()));
        }
        open.clear();
        assertMatches(open, List.of());
    }

    @Example
    void keepsTheOrderOfArrivalWhenAnOrderChanges() {
        SplittableRandom random = new SplittableRandom(7);
        OpenOrders open = new OpenOrders();
        Order first = place("first", random);
        Order second = place("second", random);
        open.put(first);
        open.put(second);
        open.put(first.withBrokerOrderId("B-1", TestOrders.T0));
        assertThat(open.values()).extracting(Order::id).containsExactly("first", "second");
        assertThat(open.get("first").brokerOrderId()).isEqualTo("B-1");
    }

    private static void assertMatches(OpenOrders open, List<Order> live) {
        assertThat(open.values()).containsExactlyElementsOf(live);
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> byStrategy = new HashMap<>();
        for (Order o : live) {
            total = total.add(o.reserved().amount());
            byStrategy.merge(o.strategy(), o.reserved().amount(), BigDecimal::add);
        }
        assertThat(open.reservedTotal()).isEqualByComparingTo(total);
        Set<String> reserving = new HashSet<>();
        for (String strategy : STRATEGIES) {
            BigDecimal expected = byStrategy.getOrDefault(strategy, BigDecimal.ZERO);
            assertThat(open.reservedBy(strategy)).as("reserved by %s", strategy).isEqualByComparingTo(expected);
            if (expected.signum() != 0) {
                reserving.add(strategy);
            }
            for (String symbol : SYMBOLS) {
                Quantity offered = Quantity.ZERO;
                for (Order o : live) {
                    if (o.side() == Side.SELL && o.strategy().equals(strategy) && o.symbol().equals(symbol)) {
                        offered = offered.plus(o.remaining());
                    }
                }
                assertThat(open.offered(strategy, symbol)).as("offered by %s in %s", strategy, symbol).isEqualTo(offered);
            }
        }
        assertThat(open.reservingStrategies()).isEqualTo(reserving);
    }

    /** A PLACED limit order: a buy reserving its cost (to odd decimals), or a sell reserving nothing. */
    private static Order place(String id, SplittableRandom random) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        Quantity quantity = Quantity.of(1 + random.nextInt(50));
        Price limit = Price.of(BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(5)), Currency.USD);
        OrderRequest r = new OrderRequest("acct", STRATEGIES[random.nextInt(STRATEGIES.length)], null,
                SYMBOLS[random.nextInt(SYMBOLS.length)], side, OrderType.LIMIT, TimeInForce.GTC, quantity, limit, null, null);
        Money reserved = side == Side.BUY ? quantity.times(limit) : Money.zero(Currency.USD);
        return Order.accept(id, r, reserved, TestOrders.T0).moveTo(OrderStatus.PLACED, TestOrders.T0, "sent");
    }

    /** {@code o} after a fill of part of what is open, releasing its share of the reservation. */
    private static Order partlyFilled(Order o, SplittableRandom random) {
        Quantity remaining = o.remaining();
        if (remaining.compareTo(Quantity.of(1)) <= 0) {
            return o;
        }
        Quantity part = Quantity.of(1 + random.nextInt(remaining.value().intValueExact() - 1));
        Money release = o.reserved().isZero() ? o.reserved() : o.reserved().proRata(part, remaining);
        return o.filled(part, o.limitPrice(), release, TestOrders.T0);
    }
}
