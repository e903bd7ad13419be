package io.tradebook.trading;

import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An {@link ExecutionStore} that tells the owner's live clients what it stored: each order's new
 * state, each fill and the position it moved. An event is published only once what it tells of is
 * durable: at once after a call that returned durable, or, inside {@link #writeBehind}, when the
 * whole work's writes are (and not at all when they fail). Everything else is the wrapped store's.
 * Thread-safe as the wrapped store is.
 */
final class PublishingStore implements ExecutionStore {
    private final ExecutionStore store;
    private final LiveEvents live;
    private final AccountCache accounts;
    /** Inside a writeBehind: the events that wait for its writes; null outside one. */
    private final ThreadLocal<List<LiveEvent>> waiting = new ThreadLocal<>();
    /** Hears of every fill booked (not duplicates): the live strategies. */
    private volatile java.util.function.Consumer<Fill> fills = f -> { };

    PublishingStore(ExecutionStore store, LiveEvents live, AccountCache accounts) {
        this.store = store;
        this.live = live;
        this.accounts = accounts;
    }

    void onFills(java.util.function.Consumer<Fill> listener) {
        this.fills = java.util.Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void insert(Order order, OrderEvent event) {
        store.insert(order, event);
        publish(orderEvent(order));
    }

    @Override
    public void insertPlaced(Order pending, OrderEvent created, Order placed, OrderEvent moved) {
        store.insertPlaced(pending, created, placed, moved);
        publish(orderEvent(placed));
    }

    @Override
    public void update(Order order, OrderEvent event) {
        store.update(order, event);
        publish(orderEvent(order));
    }

    @Override
    public FillResult recordFill(Order order, OrderEvent event, Fill fill) {
        FillResult result = store.recordFill(order, event, fill);
        if (!result.duplicate()) {
            fills.accept(fill);
        }
        UUID owner = result.duplicate() || live == LiveEvents.NONE ? null : accounts.ownerOf(order.account());
        if (owner != null) {
            publish(LiveEventData.order(owner, order), LiveEventData.fill(owner, order.id(), fill),
                    LiveEventData.position(owner, fill, result.change().open()));
        }
        return result;
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

    @Override
    public <T> T writeBehind(Supplier<T> work) {
        if (waiting.get() != null) {
            return store.writeBehind(work);
        }
        List<LiveEvent> events = new ArrayList<>();
        waiting.set(events);
        T result;
        try {
            result = store.writeBehind(work);
        } finally {
            waiting.remove();
        }
        events.forEach(live::publish);
        return result;
    }

    @Override
    public void awaitWrites() {
        store.awaitWrites();
    }

    /** The order's event for its owner; null when nobody listens or the account has no owner (never an event for everyone). */
    private LiveEvent orderEvent(Order order) {
        UUID owner = live == LiveEvents.NONE ? null : accounts.ownerOf(order.account());
        return owner == null ? null : LiveEventData.order(owner, order);
    }

    private void publish(LiveEvent... events) {
        List<LiveEvent> later = waiting.get();
        for (LiveEvent e : events) {
            if (e == null) {
                continue;
            }
            if (later != null) {
                later.add(e);
            } else {
                live.publish(e);
            }
        }
    }
}
