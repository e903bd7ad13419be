package io.tradebook.store;

import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads an account's orders as stored: listed newest first with filters, one by one, and each
 * one's history of events. Only reads; the order path writes. What an order path holds in memory
 * may be a moment ahead of what this reads (a change is stored before its call returns).
 * Thread-safe.
 */
public final class OrderHistory {
    private final Jdbi jdbi;

    public OrderHistory(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Which orders to list; null (or empty) means any. {@code from} is inclusive and {@code to}
     * exclusive, on the time the order was created. Immutable.
     */
    public record Filter(Set<OrderStatus> statuses, String symbol, String strategy, Instant from, Instant to) {
        public Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }

        public static final Filter ANY = new Filter(Set.of(), null, null, null, null);
    }

    /** The account's orders that {@code filter} selects, newest first, {@code limit} at most, after {@code after} (null for the first page). */
    public Page<Order> list(UUID accountId, Filter filter, PageCursor after, int limit) {
        Listing listing = new Listing(OrderRows.SELECT + "WHERE o.account_id = :account").equal("o.symbol", "symbol", filter.symbol())
                .equal("s.name", "strategy", filter.strategy()).between("o.created_at", filter.from(), filter.to())
                .before("o.created_at", "o.id", after, after == null ? null : after.uuidKey());
        if (!filter.statuses().isEmpty()) {
            listing.and("o.status IN (<statuses>)");
        }
        String sql = listing.sql("o.created_at DESC, o.id DESC", limit);
        List<Order> rows = jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("account", accountId).bindMap(listing.binds());
            if (!filter.statuses().isEmpty()) {
                query.bindList("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
            }
            return query.map(OrderRows::order).list();
        });
        return Page.of(rows, limit, o -> new PageCursor(o.createdAt(), o.id()));
    }

    /** The account's order {@code orderId} as stored; empty when the account has no such order. */
    public Optional<Order> find(UUID accountId, UUID orderId) {
        return jdbi.withHandle(h -> OrderRows.find(h, orderId)).filter(o -> o.account().equals(accountId.toString()));
    }

    /** The order's events, oldest first. */
    public List<OrderEvent> events(UUID orderId) {
        return jdbi.withHandle(h -> OrderRows.events(h, orderId));
    }

    /** The accounts (active or not) that have orders still working: those a restarted paper broker must be given again. */
    public List<UUID> accountsWithOpenOrders() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT account_id FROM orders WHERE status IN ('PENDING', 'PLACED', "
                + "'PARTIALLY_FILLED') ORDER BY account_id").mapTo(UUID.class).list());
    }

    static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
