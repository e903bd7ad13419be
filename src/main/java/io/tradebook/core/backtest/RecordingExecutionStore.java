package io.tradebook.core.backtest;

import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.execution.InMemoryExecutionStore;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The run's {@link ExecutionStore}: an in-memory store, passed through unchanged, that also notes
 * what the run reports: every fill in the order it was booked, the fills not yet handed to the
 * strategies, the rejected orders, and how the orders ended. Mutable; the run uses it from one
 * thread.
 */
final class RecordingExecutionStore implements ExecutionStore {
    private final InMemoryExecutionStore store;
    private final List<Fill> fills = new ArrayList<>();
    private final ArrayDeque<Fill> undelivered = new ArrayDeque<>();
    private final List<Order> rejected = new ArrayList<>();
    private long submitted;
    private long filled;
    private long expired;
    private long cancelled;

    RecordingExecutionStore(InMemoryExecutionStore store) {
        this.store = store;
    }

    @Override
    public void insert(Order order, OrderEvent event) {
        store.insert(order, event);
        submitted++;
        ended(order, event);
    }

    @Override
    public void insertPlaced(Order pending, OrderEvent created, Order placed, OrderEvent moved) {
        store.insertPlaced(pending, created, placed, moved);
        submitted++;
        ended(placed, moved);
    }

    @Override
    public void update(Order order, OrderEvent event) {
        store.update(order, event);
        ended(order, event);
    }

    @Override
    public FillResult recordFill(Order order, OrderEvent event, Fill fill) {
        FillResult result = store.recordFill(order, event, fill);
        if (!result.duplicate()) {
            fills.add(fill);
            undelivered.add(fill);
            ended(order, event);
        }
        return result;
    }

    /** Counts {@code order} when {@code event} finished it. */
    private void ended(Order order, OrderEvent event) {
        if (event.from() == event.to()) {
            return;
        }
        OrderStatus status = order.status();
        if (status == OrderStatus.FILLED) {
            filled++;
        } else if (status == OrderStatus.REJECTED) {
            rejected.add(order);
        } else if (status == OrderStatus.EXPIRED) {
            expired++;
        } else if (status == OrderStatus.CANCELLED) {
            cancelled++;
        }
    }

    /** Hands each fill not yet handed on to {@code sink}, oldest first, including fills booked while it runs. */
    void deliverFills(Consumer<Fill> sink) {
        for (Fill f = undelivered.poll(); f != null; f = undelivered.poll()) {
            sink.accept(f);
        }
    }

    List<Fill> fills() {
        return fills;
    }

    List<Order> rejected() {
        return rejected;
    }

    OrderCounts counts(long cancelledAtEnd) {
        return new OrderCounts(submitted, filled, rejected.size(), expired, cancelled, cancelledAtEnd);
    }

    @Override
    public Optional<Order> find(String orderId) {
        return store.find(orderId);
    }

    @Override
    public Optional<Order> findByClientOrderId(String account, String clientOrderId) {
        return store.findByClientOrderId(account, clientOrderId);
    }

    @Override
    public List<Order> openOrders(String account) {
        return store.openOrders(account);
    }

    @Override
    public List<OrderEvent> events(String orderId) {
        return store.events(orderId);
    }

    @Override
    public java.util.OptionalInt placedSince(String account, String strategy, java.time.Instant since) {
        return store.placedSince(account, strategy, since);
    }

    @Override
    public BookKeeper books() {
        return store.books();
    }
}
