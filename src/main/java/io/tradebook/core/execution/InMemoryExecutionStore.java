package io.tradebook.core.execution;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ExecutionStore} in memory, for backtests and tests: orders by id and by
 * {@code (account, clientOrderId)}, each order's events in the order they were stored, and the
 * books of an {@link InMemoryBookKeeper}. Thread-safe by one lock: every call is atomic.
 *
 * <p>Refuses, with {@link IllegalArgumentException} and before changing anything: an order id or
 * client order id already stored, an update of an order it does not hold or that moves it to
 * another account, an account or strategy the book keeper does not know, an event for another
 * order, and a fill of another account than its order's. Orders come back as the very values
 * stored.
 */
public final class InMemoryExecutionStore implements ExecutionStore {
    /** Oldest first; orders created at the same instant in the order of their ids, as the database store does. */
    static final Comparator<Order> OLDEST_FIRST = Comparator.comparing(Order::createdAt).thenComparing(Order::id);

    private final InMemoryBookKeeper books;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, String> byClientOrderId = new HashMap<>();
    private final Map<String, List<OrderEvent>> events = new HashMap<>();

    public InMemoryExecutionStore(InMemoryBookKeeper books) {
        this.books = books;
    }

    @Override
    public synchronized void insert(Order order, OrderEvent event) {
        requireEventFor(order, event);
        requireKnown(order);
        if (orders.containsKey(order.id())) {
            throw new IllegalArgumentException("order id " + order.id() + " is already stored");
        }
        requireFreeClientOrderId(order);
        put(order);
        events.put(order.id(), new ArrayList<>(List.of(event)));
    }

    @Override
    public synchronized void update(Order order, OrderEvent event) {
        requireUpdatable(order, event);
        replace(order, event);
    }

    @Override
    public synchronized FillResult recordFill(Order order, OrderEvent event, Fill fill) {
        requireUpdatable(order, event);
        if (!fill.account().equals(order.account())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " of account " + fill.account() + " for order " + order.id()
                    + " of account " + order.account());
        }
        // Everything that could refuse the order is checked above, so once the books accept the
        // fill the order's new state is stored too: both change or neither does.
        FillResult result = books.record(fill);
        if (!result.duplicate()) {
            replace(order, event);
        }
        return result;
    }

    @Override
    public synchronized Optional<Order> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public synchronized Optional<Order> findByClientOrderId(String account, String clientOrderId) {
        return Optional.ofNullable(byClientOrderId.get(clientKey(account, clientOrderId))).map(orders::get);
    }

    @Override
    public synchronized List<Order> openOrders(String account) {
        return orders.values().stream().filter(o -> o.account().equals(account) && o.isOpen()).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<OrderEvent> events(String orderId) {
        return List.copyOf(events.getOrDefault(orderId, List.of()));
    }

    @Override
    public InMemoryBookKeeper books() {
        return books;
    }

    private void requireUpdatable(Order order, OrderEvent event) {
        requireEventFor(order, event);
        Order stored = orders.get(order.id());
        if (stored == null) {
            throw new IllegalArgumentException("no order " + order.id());
        }
        if (!stored.account().equals(order.account())) {
            throw new IllegalArgumentException("order " + order.id() + " belongs to account " + stored.account() + ", not " + order.account());
        }
        requireKnown(order);
        requireFreeClientOrderId(order);
    }

    private void replace(Order order, OrderEvent event) {
        Order stored = orders.get(order.id());
        if (stored.clientOrderId() != null) {
            byClientOrderId.remove(clientKey(stored.account(), stored.clientOrderId()));
        }
        put(order);
        events.get(order.id()).add(event);
    }

    private void put(Order order) {
        orders.put(order.id(), order);
        if (order.clientOrderId() != null) {
            byClientOrderId.put(clientKey(order.account(), order.clientOrderId()), order.id());
        }
    }

    private void requireKnown(Order order) {
        if (!books.knows(order.account(), null)) {
            throw new IllegalArgumentException("no account " + order.account());
        }
        if (!books.knows(order.account(), order.strategy())) {
            throw new IllegalArgumentException("account " + order.account() + " has no strategy activation '" + order.strategy() + "'");
        }
    }

    private void requireFreeClientOrderId(Order order) {
        if (order.clientOrderId() == null) {
            return;
        }
        String holder = byClientOrderId.get(clientKey(order.account(), order.clientOrderId()));
        if (holder != null && !holder.equals(order.id())) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId() + " already used on account " + order.account()
                    + " by order " + holder);
        }
    }

    static void requireEventFor(Order order, OrderEvent event) {
        if (!order.id().equals(event.orderId())) {
            throw new IllegalArgumentException("event of order " + event.orderId() + " stored with order " + order.id());
        }
    }

    private static String clientKey(String account, String clientOrderId) {
        return account + "\u0000" + clientOrderId;
    }
}
