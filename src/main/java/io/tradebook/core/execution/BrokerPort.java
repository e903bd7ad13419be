package io.tradebook.core.execution;

import io.tradebook.core.orders.Order;
import java.util.List;

/**
 * A broker as the order path sees it: the paper broker and every real broker adapter implement
 * it. Outcomes (fills, cancels, expiries, late rejections) arrive through the {@link BrokerListener},
 * possibly on another thread and possibly before {@link #submit} returns.
 *
 * <p>Every method may throw {@link BrokerException}; a transient one may be retried. A query that
 * failed means "unknown", never "empty" or "flat".
 */
public interface BrokerPort {

    /** Where outcomes go; set once, before the first submit. */
    void setListener(BrokerListener listener);

    /**
     * Whether the broker keeps an order it accepted when this process stops (a real broker does).
     * Then the order path makes the order durable before it sends it, so that no order can live at
     * the broker unknown to the books. A broker that keeps nothing across a restart (the paper
     * broker, whose working orders are given to it again from the store) lets the order path send
     * first and make the order and its fills durable together, before the submit returns.
     */
    default boolean keepsOrdersAcrossRestarts() {
        return true;
    }

    /** Places {@code order} (already PLACED in the books) and returns the broker's id for it. */
    String submit(Order order) throws BrokerException;

    /** Asks the broker to cancel a working order; the confirmation arrives as {@link BrokerListener#onCancelled}. */
    void cancel(Order order) throws BrokerException;

    /** Replaces quantity and prices of a working order (cancel-replace); {@code replacement} carries the new terms. */
    void replace(Order order, Order replacement) throws BrokerException;

    /** The account's working orders as the broker knows them. */
    List<BrokerOrder> openOrders(String account) throws BrokerException;

    /** The account's cash and net positions as the broker knows them. */
    BrokerAccountState accountState(String account) throws BrokerException;
}
