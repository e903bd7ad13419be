package io.tradebook.core.orders;

import static io.tradebook.core.orders.OrderStatus.CANCELLED;
import static io.tradebook.core.orders.OrderStatus.EXPIRED;
import static io.tradebook.core.orders.OrderStatus.FILLED;
import static io.tradebook.core.orders.OrderStatus.PARTIALLY_FILLED;
import static io.tradebook.core.orders.OrderStatus.PENDING;
import static io.tradebook.core.orders.OrderStatus.PLACED;
import static io.tradebook.core.orders.OrderStatus.REJECTED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal order-state transitions. Everything not listed is refused.
 *
 * <pre>
 * PENDING          → PLACED, REJECTED, CANCELLED
 * PLACED           → PLACED (amended), PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, REJECTED
 * PARTIALLY_FILLED → PARTIALLY_FILLED (another fill, or amended), FILLED, CANCELLED, EXPIRED
 * FILLED, REJECTED, CANCELLED, EXPIRED → nothing
 * </pre>
 *
 * A partially filled order is never REJECTED: what filled stays filled, and the rest is
 * cancelled or expires.
 */
public final class OrderTransitions {
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = new EnumMap<>(OrderStatus.class);

    static {
        LEGAL.put(PENDING, EnumSet.of(PLACED, REJECTED, CANCELLED));
        LEGAL.put(PLACED, EnumSet.of(PLACED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, REJECTED));
        LEGAL.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED));
        for (OrderStatus s : OrderStatus.values()) {
            LEGAL.putIfAbsent(s, EnumSet.noneOf(OrderStatus.class));
        }
    }

    private OrderTransitions() {
    }

    public static boolean isLegal(OrderStatus from, OrderStatus to) {
        return LEGAL.get(from).contains(to);
    }

    /** Refuses an illegal move with an {@link IllegalStateException} naming both states. */
    public static void require(OrderStatus from, OrderStatus to) {
        if (!isLegal(from, to)) {
            throw new IllegalStateException("illegal order transition " + from + " -> " + to);
        }
    }

    /** Where an order in {@code from} may go. */
    public static Set<OrderStatus> from(OrderStatus from) {
        return Collections.unmodifiableSet(LEGAL.get(from));
    }
}
