package io.tradebook.core.execution;

import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the order path keeps orders, their histories and the books, each call atomic. The
 * in-memory store serves backtests and tests; the database store serves the server, where a call
 * is one transaction that serialises writers of one account in the database.
 *
 * <p>Orders are keyed by id; {@code (account, clientOrderId)} is unique when the client id is set.
 */
public interface ExecutionStore {

    /** Stores a new order with the event that created it; refuses an id or client order id already stored. */
    void insert(Order order, OrderEvent event);

    /**
     * Stores a new order and then its next state (the engine's PENDING, then PLACED before it
     * sends the order), with both events: {@link #insert} then {@link #update}, which a store
     * may do in one step.
     */
    default void insertPlaced(Order pending, OrderEvent created, Order placed, OrderEvent moved) {
        insert(pending, created);
        update(placed, moved);
    }

    /** Stores the order's new state and the event that led to it. */
    void update(Order order, OrderEvent event);

    /**
     * Records {@code fill} in the books and the order's new state in one atomic step. A fill
     * whose trade id the account already has changes nothing (the order is not updated) and comes
     * back as a duplicate.
     */
    FillResult recordFill(Order order, OrderEvent event, Fill fill);

    Optional<Order> find(String orderId);

    Optional<Order> findByClientOrderId(String account, String clientOrderId);

    /** The account's orders that can still fill, oldest first. */
    List<Order> openOrders(String account);

    /** The order's history, oldest first. */
    List<OrderEvent> events(String orderId);

    /** The books this store keeps the fills in. */
    BookKeeper books();

    /**
     * Runs {@code work}, in which this thread's calls of this store may return before their
     * changes are durable, and returns its result once every change it made is durable (or throws
     * why one was not). A store that makes each call durable before it returns simply runs the
     * work. Nested calls join the outer one.
     */
    default <T> T writeBehind(Supplier<T> work) {
        return work.get();
    }

    /**
     * How many orders of {@code account} (of its {@code strategy}, or of all its strategies when
     * null) created at or after {@code since} this store holds that were not REJECTED: those that
     * reached the broker, whichever process placed them. Empty when the store cannot tell (one
     * that forgets closed orders); the pre-trade risk then counts what it let through itself.
     */
    default java.util.OptionalInt placedSince(String account, String strategy, java.time.Instant since) {
        return java.util.OptionalInt.empty();
    }

    /** Inside {@link #writeBehind}: waits until the changes this thread made so far are durable. */
    default void awaitWrites() {
    }
}
