package io.tradebook.store;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Orders, their events and their fills in the database. Every write is one transaction that first
 * locks the account's row ({@code SELECT … FOR UPDATE}, as {@link JdbiBookKeeper} does), so the
 * writers of one account are serialised by the database, across processes.
 * {@link #recordFill} books the fill exactly as {@link JdbiBookKeeper#record} does, linked to its
 * order ({@code fills.order_id}, {@code fills.broker_order_id}), and stores the order's new state
 * and event in the same transaction: the books and the order change together or not at all.
 *
 * <p>Orders and accounts are named by their ids, UUIDs in canonical lower-case form (the form they
 * are read back in, so a stored order comes back equal); strategies by their activation's name,
 * or null for none. Money and prices must be in the account's base currency. Times are kept to
 * the microsecond, decimals exactly; {@code confidence} comes back without trailing zeros.
 *
 * <p>Refuses with {@link IllegalArgumentException}, changing nothing: an unknown account or
 * strategy, an order id or {@code (account, clientOrderId)} already stored (also when the unique
 * key catches a concurrent insert), an update of an order the account does not hold, an event of
 * another order, a fill of another account, and money in another currency.
 */
public final class JdbiExecutionStore implements ExecutionStore {
    private final Jdbi jdbi;
    private final JdbiBookKeeper books;

    public JdbiExecutionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.books = new JdbiBookKeeper(jdbi);
    }

    @Override
    public void insert(Order order, OrderEvent event) {
        UUID id = requireKeys(order, event);
        UUID accountId = uuid(order.account(), "account");
        refusingDuplicates(order, () -> jdbi.inTransaction(h -> {
            requireCurrency(order, JdbiBookKeeper.lockAccount(h, accountId));
            UUID activation = activationId(h, accountId, order.strategy());
            if (OrderRows.exists(h, id)) {
                throw new IllegalArgumentException("order id " + order.id() + " is already stored");
            }
            requireFreeClientOrderId(h, accountId, id, order);
            OrderRows.insert(h, id, accountId, activation, order);
            OrderRows.insertEvent(h, id, event);
            return null;
        }));
    }

    @Override
    public void update(Order order, OrderEvent event) {
        UUID id = requireKeys(order, event);
        UUID accountId = uuid(order.account(), "account");
        refusingDuplicates(order, () -> jdbi.inTransaction(h -> {
            requireCurrency(order, JdbiBookKeeper.lockAccount(h, accountId));
            write(h, id, accountId, order, event);
            return null;
        }));
    }

    @Override
    public FillResult recordFill(Order order, OrderEvent event, Fill fill) {
        UUID id = requireKeys(order, event);
        UUID accountId = uuid(order.account(), "account");
        if (!fill.account().equals(order.account())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " of account " + fill.account() + " for order " + order.id()
                    + " of account " + order.account());
        }
        return refusingDuplicates(order, () -> jdbi.inTransaction(h -> {
            requireCurrency(order, JdbiBookKeeper.lockAccount(h, accountId));
            // Checked first so that the fill's key to its order cannot be what refuses it.
            if (OrderRows.find(h, id).filter(o -> o.account().equals(order.account())).isEmpty()) {
                throw new IllegalArgumentException("no order " + order.id() + " on account " + order.account());
            }
            FillResult result = JdbiBookKeeper.record(h, accountId, fill, id, order.brokerOrderId());
            if (!result.duplicate()) {
                write(h, id, accountId, order, event);
            }
            return result;
        }));
    }

    @Override
    public Optional<Order> find(String orderId) {
        return canonicalUuid(orderId).flatMap(id -> jdbi.withHandle(h -> OrderRows.find(h, id)));
    }

    @Override
    public Optional<Order> findByClientOrderId(String account, String clientOrderId) {
        return canonicalUuid(account).flatMap(a -> jdbi.withHandle(h -> OrderRows.findByClientOrderId(h, a, clientOrderId)));
    }

    @Override
    public List<Order> openOrders(String account) {
        return canonicalUuid(account).map(a -> jdbi.withHandle(h -> OrderRows.open(h, a))).orElse(List.of());
    }

    @Override
    public List<OrderEvent> events(String orderId) {
        return canonicalUuid(orderId).map(id -> jdbi.withHandle(h -> OrderRows.events(h, id))).orElse(List.of());
    }

    @Override
    public JdbiBookKeeper books() {
        return books;
    }

    /** Stores the order's new state and its event; the caller holds the account's lock. */
    private static void write(Handle h, UUID id, UUID accountId, Order order, OrderEvent event) {
        UUID activation = activationId(h, accountId, order.strategy());
        requireFreeClientOrderId(h, accountId, id, order);
        if (!OrderRows.update(h, id, accountId, activation, order)) {
            throw new IllegalArgumentException("no order " + order.id() + " on account " + order.account());
        }
        OrderRows.insertEvent(h, id, event);
    }

    private static void requireFreeClientOrderId(Handle h, UUID accountId, UUID id, Order order) {
        if (order.clientOrderId() != null) {
            OrderRows.clientOrderIdHolder(h, accountId, order.clientOrderId(), id).ifPresent(holder -> {
                throw clientOrderIdUsed(order);
            });
        }
    }

    /**
     * Runs a write, turning a unique-key refusal that a concurrent writer won (the checks above
     * cannot see an uncommitted row) into the same {@link IllegalArgumentException} as the checks.
     */
    static <T> T refusingDuplicates(Order order, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (SqlErrors.violates(e, "uq_orders_client_order_id")) {
                IllegalArgumentException refused = clientOrderIdUsed(order);
                refused.initCause(e);
                throw refused;
            }
            if (SqlErrors.violates(e, "pk_orders")) {
                throw new IllegalArgumentException("order id " + order.id() + " is already stored", e);
            }
            throw e;
        }
    }

    private static IllegalArgumentException clientOrderIdUsed(Order order) {
        return new IllegalArgumentException("client order id " + order.clientOrderId() + " already used on account " + order.account());
    }

    private static UUID activationId(Handle h, UUID accountId, String strategy) {
        if (strategy == null) {
            return null;
        }
        return AccountRepository.findActivation(h, accountId, strategy).map(AccountRepository.Activation::id)
                .orElseThrow(() -> new IllegalArgumentException("account " + accountId + " has no strategy activation '" + strategy + "'"));
    }

    /** The order's id as a UUID, after checking the event is the order's. */
    private static UUID requireKeys(Order order, OrderEvent event) {
        if (!order.id().equals(event.orderId())) {
            throw new IllegalArgumentException("event of order " + event.orderId() + " stored with order " + order.id());
        }
        return uuid(order.id(), "order id");
    }

    /** Refuses money or a price in another currency than the account's: the rows carry no currency of their own. */
    private static void requireCurrency(Order order, Currency account) {
        for (Object value : new Object[] {order.limitPrice(), order.stopPrice(), order.filledNotional(), order.reserved()}) {
            Currency c = value instanceof Price p ? p.currency() : value instanceof Money m ? m.currency() : account;
            if (c != account) {
                throw new IllegalArgumentException("order " + order.id() + " in " + c + " for an account in " + account);
            }
        }
    }

    /** A UUID given as text; refuses text that is not one in canonical form, which could not be read back as given. */
    private static UUID uuid(String text, String what) {
        return canonicalUuid(text).orElseThrow(
                () -> new IllegalArgumentException(what + " must be a UUID in canonical lower-case form: '" + text + "'"));
    }

    private static Optional<UUID> canonicalUuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
