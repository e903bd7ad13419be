package io.tradebook.core.execution;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One account's open orders, oldest first, and what they hold back, kept as running sums as
 * orders come, change and go: the cash each strategy's open orders reserve, the cash all of them
 * reserve, and the units each strategy's open sells offer per symbol. Buying power reads the
 * sums, so checking an order costs the same with three open orders or three thousand.
 *
 * <p>Sums are exact ({@link BigDecimal} addition and subtraction), so after any sequence of
 * changes they equal the sums over {@link #values()}; a sum that returns to zero is dropped.
 * Mutable and not thread-safe: the engine's lane lock guards it.
 */
final class OpenOrders implements BuyingPower.Holds {
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, BigDecimal> reservedByStrategy = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> offeredByStrategy = new HashMap<>();
    private BigDecimal reservedTotal = BigDecimal.ZERO;
    /** The currency of the reservations, from the first one: an account reserves in its own currency only. */
    private Currency currency;

    /** A copy without order {@code id}: what the account's other open orders hold, for re-checking that order's new terms. */
    OpenOrders without(String id) {
        OpenOrders others = new OpenOrders();
        for (Order o : orders.values()) {
            if (!o.id().equals(id)) {
                others.put(o);
            }
        }
        return others;
    }

    Order get(String id) {
        return orders.get(id);
    }

    /** Adds {@code order}, or replaces the earlier state of it (keeping its place in the order of arrival). */
    void put(Order order) {
        Order before = orders.put(order.id(), order);
        if (before != null) {
            count(before, -1);
        }
        count(order, 1);
    }

    void remove(String id) {
        Order before = orders.remove(id);
        if (before != null) {
            count(before, -1);
        }
    }

    void clear() {
        orders.clear();
        reservedByStrategy.clear();
        offeredByStrategy.clear();
        reservedTotal = BigDecimal.ZERO;
        currency = null;
    }

    /** The open orders, oldest first; a live view. */
    Collection<Order> values() {
        return Collections.unmodifiableCollection(orders.values());
    }

    Set<String> ids() {
        return Collections.unmodifiableSet(orders.keySet());
    }

    @Override
    public BigDecimal reservedBy(String strategy) {
        return reservedByStrategy.getOrDefault(strategy, BigDecimal.ZERO);
    }

    @Override
    public Set<String> reservingStrategies() {
        return Collections.unmodifiableSet(reservedByStrategy.keySet());
    }

    @Override
    public BigDecimal reservedTotal() {
        return reservedTotal;
    }

    @Override
    public Quantity offered(String strategy, String symbol) {
        Map<String, BigDecimal> bySymbol = offeredByStrategy.get(strategy);
        BigDecimal sum = bySymbol == null ? null : bySymbol.get(symbol);
        return sum == null ? Quantity.ZERO : Quantity.of(sum);
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} −1) what {@code o} holds back. */
    private void count(Order o, int sign) {
        BigDecimal reserved = o.reserved().amount();
        if (reserved.signum() != 0) {
            if (currency == null) {
                currency = o.reserved().currency();
            } else if (o.reserved().currency() != currency) {
                throw new IllegalArgumentException("order " + o.id() + " reserves " + o.reserved().currency() + " in an account of "
                        + currency);
            }
            BigDecimal signed = sign > 0 ? reserved : reserved.negate();
            reservedTotal = reservedTotal.add(signed);
            if (reservedTotal.signum() == 0) {
                reservedTotal = BigDecimal.ZERO;
            }
            add(reservedByStrategy, o.strategy(), signed);
        }
        if (o.side() == Side.SELL) {
            BigDecimal remaining = o.remaining().value();
            if (remaining.signum() != 0) {
                Map<String, BigDecimal> bySymbol = offeredByStrategy.computeIfAbsent(o.strategy(), s -> new HashMap<>());
                add(bySymbol, o.symbol(), sign > 0 ? remaining : remaining.negate());
                if (bySymbol.isEmpty()) {
                    offeredByStrategy.remove(o.strategy());
                }
            }
        }
    }

    private static void add(Map<String, BigDecimal> sums, String key, BigDecimal amount) {
        BigDecimal sum = sums.merge(key, amount, BigDecimal::add);
        if (sum.signum() == 0) {
            sums.remove(key);
        }
    }
}
