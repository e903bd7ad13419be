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
        change(orders.put(order.id(), order), order);
    }

    void remove(String id) {
        Order before = orders.remove(id);
        if (before != null) {
            change(before, null);
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

    /**
     * Moves the sums from what {@code before} held back to what {@code after} holds back: two
     * states of one order (its strategy, symbol and side never change), either of them null when
     * the order comes or goes.
     */
    private void change(Order before, Order after) {
        Order either = after != null ? after : before;
        BigDecimal wasReserved = before == null ? BigDecimal.ZERO : before.reserved().amount();
        BigDecimal reserved = after == null ? BigDecimal.ZERO : after.reserved().amount();
        if (wasReserved != reserved && wasReserved.compareTo(reserved) != 0) {
            if (after != null && reserved.signum() != 0) {
                requireCurrency(after);
            }
            BigDecimal delta = reserved.subtract(wasReserved);
            reservedTotal = reservedTotal.add(delta);
            if (reservedTotal.signum() == 0) {
                reservedTotal = BigDecimal.ZERO;
            }
            add(reservedByStrategy, either.strategy(), delta);
        }
        if (either.side() == Side.SELL) {
            BigDecimal wasOffered = before == null ? BigDecimal.ZERO : before.remaining().value();
            BigDecimal offered = after == null ? BigDecimal.ZERO : after.remaining().value();
            if (wasOffered.compareTo(offered) != 0) {
                // a strategy's map stays once made: strategies are few, and sells come and go
                Map<String, BigDecimal> bySymbol = offeredByStrategy.computeIfAbsent(either.strategy(), s -> new HashMap<>());
                add(bySymbol, either.symbol(), offered.subtract(wasOffered));
            }
        }
    }

    private void requireCurrency(Order o) {
        if (currency == null) {
            currency = o.reserved().currency();
        } else if (o.reserved().currency() != currency) {
            throw new IllegalArgumentException("order " + o.id() + " reserves " + o.reserved().currency() + " in an account of "
                    + currency);
        }
    }

    private static void add(Map<String, BigDecimal> sums, String key, BigDecimal amount) {
        BigDecimal sum = sums.merge(key, amount, BigDecimal::add);
        if (sum.signum() == 0) {
            sums.remove(key);
        }
    }
}
