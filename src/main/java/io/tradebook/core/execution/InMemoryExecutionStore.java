package io.tradebook.core.execution;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;

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
 *
 * <p>By default it keeps every order and event. A store made by {@link #keepingClosed} keeps every
 * open order but only the newest {@code limit} closed ones (with their events): a long backtest or
 * a benchmark then runs in bounded memory, as a live trading cache purges closed orders. Closed
 * orders that carry a client order id are always kept, so a repeated submit still finds its
 * order. An older closed order is then unknown to {@link #find}; use this only with a broker that
 * reports nothing for an order after it closed (the paper broker).
 */
public final class InMemoryExecutionStore implements ExecutionStore {
    /** Oldest first; orders created at the same instant in the order of their ids, as the database store does. */
    static final Comparator<Order> OLDEST_FIRST = Comparator.comparing(Order::createdAt).thenComparing(Order::id);

    /** One stored order: its latest state and its history. */
    private static final class Stored {
        Order order;
        final List<OrderEvent> events = new ArrayList<>(4);

        Stored(Order order) {
            this.order = order;
        }
    }

    private final InMemoryBookKeeper books;
    private final Map<String, Stored> orders = new LinkedHashMap<>();
    private final Map<String, String> byClientOrderId = new HashMap<>();
    private final int closedLimit;
    /** Ids of the closed orders that may be forgotten, oldest first (only when {@code closedLimit} is set). */
    private final Queue<String> closed = new ArrayDeque<>();

    /** A store that keeps every order and event. */
    public InMemoryExecutionStore(InMemoryBookKeeper books) {
        this(books, Integer.MAX_VALUE);
    }

    private InMemoryExecutionStore(InMemoryBookKeeper books, int closedLimit) {
        this.books = books;
        this.closedLimit = closedLimit;
    }

    /**
     * A store that keeps every open order, every order with a client order id, and the newest
     * {@code limit} other closed orders with their events. Refuses a negative limit.
     */
    public static InMemoryExecutionStore keepingClosed(InMemoryBookKeeper books, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the number of closed orders kept must not be negative: " + limit);
        }
        return new InMemoryExecutionStore(books, limit);
    }

    @Override
    public synchronized void insert(Order order, OrderEvent event) {
        requireEventFor(order, event);
        requireKnown(order);
        requireNew(order);
        requireFreeClientOrderId(order);
        Stored s = new Stored(order);
        s.events.add(event);
        add(s);
    }

    /**
     * Stores a new order and its next state in one step: the same checks as {@link #insert} then
     * {@link #update}, and the same result.
     */
    @Override
    public synchronized void insertPlaced(Order pending, OrderEvent created, Order placed, OrderEvent moved) {
        requireEventFor(pending, created);
        requireEventFor(placed, moved);
        if (!placed.id().equals(pending.id()) || !placed.account().equals(pending.account())) {
            throw new IllegalArgumentException("order " + placed.id() + " is not the next state of order " + pending.id());
        }
        requireKnown(pending);
        if (!Objects.equals(placed.strategy(), pending.strategy())) {
            requireKnown(placed);
        }
        requireNew(pending);
        requireFreeClientOrderId(pending);
        requireFreeClientOrderId(placed);
        Stored s = new Stored(placed);
        s.events.add(created);
        s.events.add(moved);
        add(s);
    }

    @Override
    public synchronized void update(Order order, OrderEvent event) {
        replace(requireUpdatable(order, event), order, event);
    }

    @Override
    public synchronized FillResult recordFill(Order order, OrderEvent event, Fill fill) {
        Stored stored = requireUpdatable(order, event);
        if (!fill.account().equals(order.account())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " of account " + fill.account() + " for order " + order.id()
                    + " of account " + order.account());
        }
        // Everything that could refuse the order is checked above, so once the books accept the
        // fill the order's new state is stored too: both change or neither does.
        FillResult result = books.record(fill);
        if (!result.duplicate()) {
            replace(stored, order, event);
        }
        return result;
    }

    @Override
    public synchronized Optional<Order> find(String orderId) {
        Stored s = orders.get(orderId);
        return s == null ? Optional.empty() : Optional.of(s.order);
    }

    @Override
    public synchronized Optional<Order> findByClientOrderId(String account, String clientOrderId) {
        String id = byClientOrderId.get(clientKey(account, clientOrderId));
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public synchronized List<Order> openOrders(String account) {
        return orders.values().stream().map(s -> s.order).filter(o -> o.account().equals(account) && o.isOpen())
                .sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<OrderEvent> events(String orderId) {
        Stored s = orders.get(orderId);
        return s == null ? List.of() : List.copyOf(s.events);
    }

    @Override
    public InMemoryBookKeeper books() {
        return books;
    }

    private void requireNew(Order order) {
        if (orders.containsKey(order.id())) {
            throw new IllegalArgumentException("order id " + order.id() + " is already stored");
        }
    }

    private Stored requireUpdatable(Order order, OrderEvent event) {
        requireEventFor(order, event);
        Stored stored = orders.get(order.id());
        if (stored == null) {
            throw new IllegalArgumentException("no order " + order.id());
        }
        if (!stored.order.account().equals(order.account())) {
            throw new IllegalArgumentException("order " + order.id() + " belongs to account " + stored.order.account() + ", not "
                    + order.account());
        }
        if (!Objects.equals(stored.order.strategy(), order.strategy())) {
            requireKnown(order);
        }
        requireFreeClientOrderId(order);
        return stored;
    }

    private void add(Stored s) {
        orders.put(s.order.id(), s);
        indexClientOrderId(s.order);
        forgetOldClosed(s.order);
    }

    private void replace(Stored stored, Order order, OrderEvent event) {
        Order before = stored.order;
        if (before.clientOrderId() != null && !before.clientOrderId().equals(order.clientOrderId())) {
            byClientOrderId.remove(clientKey(before.account(), before.clientOrderId()));
        }
        stored.order = order;
        stored.events.add(event);
        indexClientOrderId(order);
        if (before.isOpen()) {
            forgetOldClosed(order);
        }
    }

    private void indexClientOrderId(Order order) {
        if (order.clientOrderId() != null) {
            byClientOrderId.put(clientKey(order.account(), order.clientOrderId()), order.id());
        }
    }

    /** Notes {@code order} if it is closed, and forgets the oldest closed orders beyond the limit. */
    private void forgetOldClosed(Order order) {
        if (closedLimit == Integer.MAX_VALUE || order.isOpen() || order.clientOrderId() != null) {
            return;
        }
        closed.add(order.id());
        while (closed.size() > closedLimit) {
            orders.remove(closed.remove());
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
