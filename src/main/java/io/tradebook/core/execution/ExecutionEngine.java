package io.tradebook.core.execution;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.events.RiskEvent;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.RejectReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one order path that live, paper and backtest share: request → checks (instrument, strategy,
 * pre-trade risk, buying power) → order management → broker → fills → books. It is the broker's
 * listener, so fills, cancels and expiries come back through it and change the order and the
 * books in one atomic step of the {@link ExecutionStore}.
 *
 * <p>Every account has a lane: a lock that serialises every change to the account's orders
 * (checks and reservations, broker reports, cancels), and a cache of its open orders. The engine
 * never calls the broker while it holds a lane's lock, so a broker that reports while holding its
 * own lock cannot deadlock with it: the only lock order is broker, then lane, then store. An order
 * is PLACED, with its reservation, before the broker sees it. A request with a client
 * order id the account already used returns that order and places nothing. A bad request ends as a
 * complete REJECTED order with a reason; an unknown account, or a strategy not activated on it, is
 * refused with an exception because there is nowhere to keep (or attribute) the order. The clock, the ids, the broker and the store are injected, so
 * a backtest runs the very same code with a simulated clock.
 */
public final class ExecutionEngine implements BrokerListener {

    /**
     * Tunables: how far above the reference price a market buy is assumed to pay ({@code marketBufferBps}),
     * the fee estimate held back with a buy, how broker calls are retried, and how the engine waits between tries.
     */
    public record Settings(BigDecimal marketBufferBps, FeeEstimate fees, RetryPolicy retry, Sleeper sleeper) {
        public Settings {
            Objects.requireNonNull(marketBufferBps, "marketBufferBps");
            Objects.requireNonNull(fees, "fees");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(sleeper, "sleeper");
        }
    }

    private final ExecutionStore store;
    private final BrokerPort broker;
    private final AccountDirectory accounts;
    private final EventSink events;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Settings settings;
    private final OrderScreen screen;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> accountOfOpenOrder = new ConcurrentHashMap<>();
    /**
     * How many times a change refused because another process changed its account is tried in
     * all, with a growing pause between tries: a new order gives up sooner (nothing of it is stored,
     * and its caller may try again) than a fill, which must be booked.
     */
    private static final int ORDER_CONFLICT_ATTEMPTS = 10;
    private static final int FILL_CONFLICT_ATTEMPTS = 200;
    /** Inside a submit, the announcements that wait until its writes are durable; null outside one. */
    private final ThreadLocal<List<Runnable>> announcements = new ThreadLocal<>();

    /**
     * One account's lock, its open orders, and the orders a call of the engine is still working on
     * (sending, cancelling, replacing) with their latest state: such a call reads its order's
     * outcome from here, so it never depends on the store still holding a closed order.
     */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final OpenOrders open = new OpenOrders();
        final Map<String, Pin> pinned = new HashMap<>();
    }

    /** The latest state of an order some calls are working on, and how many. */
    private static final class Pin {
        Order latest;
        int holders;

        Pin(Order latest) {
            this.latest = latest;
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ExecutionEngine(ExecutionStore store, BrokerPort broker, InstrumentSource instruments, AccountDirectory accounts,
                           ReferencePrices prices, PreTradeRisk risk, EventSink events, Clock clock, Supplier<String> ids,
                           Settings settings) {
        this.store = store;
        this.broker = broker;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.screen = new OrderScreen(instruments, accounts, prices, risk, store.books(), settings);
        broker.setListener(this);
    }

    /**
     * Submits a request through the whole path and returns the order as it stands when the broker
     * call returns: REJECTED with a reason, PLACED and working, or already (partly) filled.
     * Refuses an unknown account.
     */
    public Order submit(OrderRequest request) {
        if (announcements.get() != null) {
            return store.writeBehind(() -> submitThrough(request)); // a submit made while reporting: the outer one announces
        }
        List<Runnable> queued = new ArrayList<>();
        announcements.set(queued);
        Order order;
        try {
            order = store.writeBehind(() -> submitThrough(request));
        } finally {
            announcements.remove();
        }
        queued.forEach(Runnable::run);
        return order;
    }

    private Order submitThrough(OrderRequest request) {
        TradingAccount account = accounts.account(request.account())
                .orElseThrow(() -> new IllegalArgumentException("no account " + request.account()));
        StrategyActivation activation = accounts.activation(account.key(), request.strategy()).orElseThrow(() ->
                new IllegalArgumentException("strategy " + request.strategy() + " is not activated on account " + account.key()));
        Lane lane = lane(account.key());
        String id = null;
        for (int attempt = 1; id == null; attempt++) {
            lane.lock.lock();
            try {
                if (request.clientOrderId() != null) {
                    Optional<Order> existing = store.findByClientOrderId(account.key(), request.clientOrderId());
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                }
                Instant now = clock.instant();
                String candidate = ids.get();
                OrderScreen.Screening screening = screen.screen(candidate, request, account, activation, lane.open, now);
                Order screened = screening.order();
                if (screened.status() == OrderStatus.REJECTED) {
                    store.insert(screened, OrderEvent.of(null, screened));
                    if (screening.denial() != null) {
                        announceRiskDenial(screened, screening.denial());
                    }
                    announceRejection(screened);
                    return screened;
                }
                // PLACED means sent: it holds its reservation from here on, so concurrent submits see it
                Order placed = screened.moveTo(OrderStatus.PLACED, now, "sent to broker");
                store.insertPlaced(screened, OrderEvent.of(null, screened), placed, OrderEvent.of(screened, placed));
                remember(lane, placed);
                pin(lane, placed);
                id = candidate;
            } catch (ConcurrentChangeException e) {
                // another process changed the account: nothing was stored; check again against what it holds now
                if (attempt >= ORDER_CONFLICT_ATTEMPTS) {
                    throw e;
                }
                refresh(lane, account.key());
            } finally {
                lane.lock.unlock();
            }
            if (id == null) {
                backOff(attempt);
            }
        }
        if (broker.keepsOrdersAcrossRestarts()) {
            awaitPlaced(lane, id);
        }
        return send(lane, id);
    }

    /** Waits until the PLACED order is durable; if it cannot be made so, it is not sent and the failure is thrown. */
    private void awaitPlaced(Lane lane, String id) {
        try {
            store.awaitWrites();
        } catch (RuntimeException e) {
            locked(lane, () -> unpin(lane, id));
            throw e;
        }
    }

    /**
     * Sends a PLACED order to the broker under the retry policy: each failed attempt is counted on
     * the order with the broker's message, and after the last one (or a permanent refusal) the
     * order ends REJECTED. The order's id goes to the broker, which is what makes a retried submit
     * safe: a broker that already has it refuses the repeat. The order is pinned by the caller and
     * unpinned here.
     */
    private Order send(Lane lane, String id) {
        try {
            String brokerId = BrokerRetry.call(() -> broker.submit(locked(lane, () -> current(lane, id))), settings.retry(),
                    settings.sleeper(), (attempt, failure, willRetry) -> locked(lane, () -> {
                        Order now = current(lane, id);
                        if (willRetry && now.isOpen()) {
                            save(lane, now, now.retried(failure.getMessage(), clock.instant()));
                        }
                        return null;
                    }));
            return locked(lane, () -> {
                Order after = current(lane, id);
                if (after.isOpen() && after.brokerOrderId() == null) {
                    save(lane, after, after.withBrokerOrderId(brokerId, clock.instant()));
                }
                return unpin(lane, id);
            });
        } catch (BrokerException e) {
            return locked(lane, () -> {
                Order now = current(lane, id);
                if (now.status() == OrderStatus.PLACED) {
                    RejectReason reason = e.isTransient() ? RejectReason.BROKER_UNAVAILABLE : RejectReason.BROKER_REJECTED;
                    Order rejected = now.retried(e.getMessage(), clock.instant()).rejected(reason, e.getMessage(), clock.instant());
                    save(lane, now, rejected);
                    announceRejection(rejected);
                } else if (now.status() == OrderStatus.PARTIALLY_FILLED) {
                    // what filled stays filled; the rest never reached the broker
                    save(lane, now, now.moveTo(OrderStatus.CANCELLED, clock.instant(), "rest not placed: " + e.getMessage()));
                }
                return unpin(lane, id);
            });
        } catch (RuntimeException e) {
            locked(lane, () -> unpin(lane, id));
            throw e;
        }
    }

    /** Cancels an open order: at once if it never left, else through the broker. Returns the order as it stands. */
    public Order cancel(String orderId) {
        Order order = store.find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        Lane lane = lane(order.account());
        Order toCancel = locked(lane, () -> {
            Order current = current(lane, orderId);
            if (current.status() == OrderStatus.PENDING) {
                save(lane, current, current.moveTo(OrderStatus.CANCELLED, clock.instant(), "cancelled before it was sent"));
            }
            pin(lane, current);
            return current.isOpen() ? current : null;
        });
        Order outcome;
        try {
            if (toCancel != null) {
                broker.cancel(toCancel);
            }
        } catch (BrokerException e) {
            throw new IllegalStateException("the broker did not cancel order " + orderId + ": " + e.getMessage(), e);
        } finally {
            outcome = locked(lane, () -> unpin(lane, orderId));
        }
        return outcome;
    }

    /**
     * Replaces the quantity and prices of an open order (cancel-replace). The new terms are checked
     * like a new order's, and buying power is checked for the new terms without the old
     * reservation. Returns the order as it stands; a refused replacement leaves it unchanged and
     * throws with the reason.
     */
    public Order replace(String orderId, Quantity quantity, Price limitPrice, Price stopPrice) {
        Order order = store.find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        Lane lane = lane(order.account());
        Order[] terms = locked(lane, () -> {
            Order current = current(lane, orderId);
            if (!current.isOpen() || current.status() == OrderStatus.PENDING) {
                throw new IllegalStateException("order " + orderId + " is " + current.status() + " and cannot be replaced");
            }
            if (quantity.compareTo(current.filledQuantity()) <= 0) {
                throw new IllegalArgumentException("new quantity " + quantity + " must exceed the " + current.filledQuantity()
                        + " already filled");
            }
            OrderRequest whole = new OrderRequest(current.account(), current.strategy(), null, current.symbol(), current.side(),
                    current.type(), current.timeInForce(), quantity, limitPrice, stopPrice, current.confidence());
            OrderRequest rest = new OrderRequest(whole.account(), whole.strategy(), null, whole.symbol(), whole.side(), whole.type(),
                    whole.timeInForce(), quantity.minus(current.filledQuantity()), limitPrice, stopPrice, whole.confidence());
            BuyingPower.Decision bp = screen.recheck(accounts.account(current.account()).orElseThrow(), whole, rest,
                    lane.open.without(orderId));
            if (!bp.approved()) {
                throw new IllegalArgumentException(bp.problem().reason() + ": " + bp.problem().message());
            }
            pin(lane, current);
            return new Order[] {current, current.replaced(quantity, limitPrice, stopPrice, bp.reserve(), clock.instant())};
        });
        try {
            broker.replace(terms[0], terms[1]);
        } catch (BrokerException e) {
            locked(lane, () -> unpin(lane, orderId));
            throw new IllegalStateException("the broker did not replace order " + orderId + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            locked(lane, () -> unpin(lane, orderId));
            throw e;
        }
        return locked(lane, () -> {
            Order latest = current(lane, orderId);
            if (latest.isOpen() && quantity.compareTo(latest.filledQuantity()) > 0) {
                save(lane, latest, latest.replaced(quantity, limitPrice, stopPrice, terms[1].reserved(), clock.instant()));
            }
            return unpin(lane, orderId);
        });
    }

    @Override
    public void onFill(BrokerFill f) {
        Optional<Order> known = findForReport(f.orderId());
        if (known.isEmpty()) {
            events.log(LogLevel.ERROR, "execution", "fill for an unknown order", Map.of("orderId", f.orderId(), "tradeId", f.tradeId()));
            return;
        }
        Lane lane = lane(known.get().account());
        lane.lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    recordFill(lane, f);
                    return;
                } catch (ConcurrentChangeException e) {
                    // another process changed the account: read it again and book the fill on what it holds now
                    refresh(lane, known.get().account());
                    if (attempt >= FILL_CONFLICT_ATTEMPTS || !backOff(attempt)) {
                        int tries = attempt;
                        announce(() -> {
                            events.log(LogLevel.ERROR, "execution", "a fill could not be booked: " + e.getMessage(),
                                    Map.of("orderId", f.orderId(), "tradeId", f.tradeId()));
                            events.notify(new Notification(known.get().account(), NotificationType.SYSTEM_ERROR, AlertLevel.CRITICAL,
                                    "Fill not booked", "The broker reported a fill of " + f.quantity() + " on order " + f.orderId()
                                    + " (trade " + f.tradeId() + ") that could not be booked after " + tries + " tries: "
                                    + e.getMessage() + ". Reconcile the account with the broker.",
                                    Map.of("orderId", f.orderId(), "tradeId", f.tradeId()), f.time()));
                        });
                        return;
                    }
                }
            }
        } finally {
            lane.lock.unlock();
        }
    }

    /** Books {@code f} on its order and the books in one step of the store; call under the lane's lock. */
    private void recordFill(Lane lane, BrokerFill f) {
        Order current = current(lane, f.orderId());
        Fill fill = new Fill(f.tradeId(), current.account(), current.strategy(), current.symbol(), current.side(), f.quantity(),
                f.price(), f.fee(), f.time(), current.confidence());
        if (!current.isOpen() || f.quantity().compareTo(current.remaining()) > 0) {
            // a late or excess fill: the books must still show what happened at the broker
            FillResult result = store.books().record(fill);
            if (!result.duplicate()) {
                announce(() -> {
                    events.log(LogLevel.ERROR, "execution", "fill beyond the open quantity of order " + current.id(),
                            Map.of("orderId", current.id(), "tradeId", f.tradeId(), "status", current.status().name()));
                    events.notify(new Notification(current.account(), NotificationType.SYSTEM_ERROR, AlertLevel.ERROR,
                            "Unexpected fill", "The broker reported a fill of " + f.quantity() + " " + current.symbol()
                            + " on order " + current.id() + ", which is " + current.status() + " with " + current.remaining()
                            + " open", Map.of("orderId", current.id(), "tradeId", f.tradeId()), f.time()));
                });
            }
            return;
        }
        Money release = current.reserved().isZero() ? current.reserved() : current.reserved().proRata(f.quantity(), current.remaining());
        Order next = current.filled(f.quantity(), f.price(), release, f.time());
        if (next.brokerOrderId() == null && f.brokerOrderId() != null) {
            next = next.withBrokerOrderId(f.brokerOrderId(), f.time());
        }
        FillResult result = store.recordFill(next, OrderEvent.of(current, next), fill);
        if (result.duplicate()) {
            return;
        }
        remember(lane, next);
        if (next.status() == OrderStatus.FILLED) {
            Order filled = next;
            announce(() -> events.notify(new Notification(filled.account(), NotificationType.ORDER_FILLED, AlertLevel.INFO,
                    "Order filled", filled.side() + " " + filled.quantity() + " " + filled.symbol() + " filled at "
                    + filled.averageFillPrice().toPlainString(), Map.of("orderId", filled.id(), "strategy", filled.strategy()),
                    f.time())));
        }
    }

    @Override
    public void onCancelled(String orderId, String reason, Instant time) {
        finish(orderId, OrderStatus.CANCELLED, reason, time);
    }

    @Override
    public void onExpired(String orderId, String reason, Instant time) {
        finish(orderId, OrderStatus.EXPIRED, reason, time);
    }

    @Override
    public void onRejected(String orderId, String reason, Instant time) {
        Optional<Order> known = findForReport(orderId);
        if (known.isEmpty()) {
            return;
        }
        Lane lane = lane(known.get().account());
        lane.lock.lock();
        try {
            Order current = current(lane, orderId);
            if (current.status() == OrderStatus.PLACED) {
                Order rejected = current.rejected(RejectReason.BROKER_REJECTED, reason, time);
                save(lane, current, rejected);
                announceRejection(rejected);
            } else if (current.status() == OrderStatus.PARTIALLY_FILLED) {
                save(lane, current, current.moveTo(OrderStatus.CANCELLED, time, "broker rejected the rest: " + reason));
            }
        } finally {
            lane.lock.unlock();
        }
    }

    private void finish(String orderId, OrderStatus to, String reason, Instant time) {
        Optional<Order> known = findForReport(orderId);
        if (known.isEmpty()) {
            return;
        }
        Lane lane = lane(known.get().account());
        lane.lock.lock();
        try {
            Order current = current(lane, orderId);
            if (current.isOpen()) {
                save(lane, current, current.moveTo(to, time, reason));
            }
        } finally {
            lane.lock.unlock();
        }
    }

    /**
     * Reads the account's open orders again from the store: call after the store dropped what it
     * held of the account because another process changed it.
     */
    public void reload(String account) {
        Lane lane = lane(account);
        lane.lock.lock();
        try {
            refresh(lane, account);
        } finally {
            lane.lock.unlock();
        }
    }

    /** The account's open orders, oldest first. */
    public List<Order> openOrders(String account) {
        Lane lane = lane(account);
        lane.lock.lock();
        try {
            return List.copyOf(lane.open.values());
        } finally {
            lane.lock.unlock();
        }
    }

    public Optional<Order> find(String orderId) {
        return store.find(orderId);
    }

    public ExecutionStore store() {
        return store;
    }

    private Optional<Order> findForReport(String orderId) {
        String account = accountOfOpenOrder.get(orderId);
        if (account != null) {
            Lane lane = lane(account);
            lane.lock.lock();
            try {
                Order open = lane.open.get(orderId);
                if (open != null) {
                    return Optional.of(open);
                }
            } finally {
                lane.lock.unlock();
            }
        }
        return store.find(orderId);
    }

    private static <T> T locked(Lane lane, Supplier<T> work) {
        lane.lock.lock();
        try {
            return work.get();
        } finally {
            lane.lock.unlock();
        }
    }

    private Lane lane(String account) {
        return lanes.computeIfAbsent(account, a -> {
            Lane lane = new Lane();
            for (Order o : store.openOrders(a)) {
                lane.open.put(o);
                accountOfOpenOrder.put(o.id(), a);
            }
            return lane;
        });
    }

    private Order current(Lane lane, String id) {
        Order open = lane.open.get(id);
        if (open != null) {
            return open;
        }
        Pin pin = lane.pinned.get(id);
        return pin != null ? pin.latest : store.find(id).orElseThrow(() -> new IllegalStateException("order " + id + " vanished"));
    }

    /** Keeps {@code order}'s latest state in the lane until the matching {@link #unpin}; call under the lane's lock. */
    private static void pin(Lane lane, Order order) {
        lane.pinned.computeIfAbsent(order.id(), k -> new Pin(order)).holders++;
    }

    /** The pinned order's latest state, released by one holder; call under the lane's lock. */
    private Order unpin(Lane lane, String id) {
        Order latest = current(lane, id);
        Pin pin = lane.pinned.get(id);
        if (pin != null && --pin.holders == 0) {
            lane.pinned.remove(id);
        }
        return latest;
    }

    /**
     * Stores {@code after}, the next state of {@code before}. When another process changed the
     * account meanwhile, the lane is read again and the change is tried again, as long as the order
     * itself is still as it was; otherwise the conflict is thrown.
     */
    private void save(Lane lane, Order before, Order after) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.update(after, OrderEvent.of(before, after));
                remember(lane, after);
                return;
            } catch (ConcurrentChangeException e) {
                refresh(lane, before.account());
                Order now = current(lane, before.id());
                if (attempt >= ORDER_CONFLICT_ATTEMPTS || !sameState(now, before) || !backOff(attempt)) {
                    throw e;
                }
            }
        }
    }

    /** Pauses after the {@code attempt}-th try met another process's change (1, 2, 4 … up to 50 ms); false when interrupted. */
    private boolean backOff(int attempt) {
        try {
            settings.sleeper().sleep(Duration.ofMillis(Math.min(50L, 1L << Math.min(attempt, 6))));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether two states of one order agree on everything a change depends on (times aside, which a database rounds). */
    private static boolean sameState(Order a, Order b) {
        return a.status() == b.status() && a.quantity().equals(b.quantity()) && a.filledQuantity().equals(b.filledQuantity())
                && Objects.equals(a.limitPrice(), b.limitPrice()) && Objects.equals(a.stopPrice(), b.stopPrice())
                && Objects.equals(a.brokerOrderId(), b.brokerOrderId()) && a.retryCount() == b.retryCount();
    }

    /**
     * Reads the account's open orders again from the store, after another process changed the
     * account; call under the lane's lock. Orders a call is working on keep their pins, updated
     * to what the store holds.
     */
    private void refresh(Lane lane, String account) {
        for (String id : lane.open.ids()) {
            accountOfOpenOrder.remove(id);
        }
        lane.open.clear();
        for (Order o : store.openOrders(account)) {
            lane.open.put(o);
            accountOfOpenOrder.put(o.id(), account);
        }
        for (Map.Entry<String, Pin> p : lane.pinned.entrySet()) {
            Order open = lane.open.get(p.getKey());
            Order latest = open != null ? open : store.find(p.getKey()).orElse(null);
            if (latest != null) {
                p.getValue().latest = latest;
            }
        }
    }

    private void remember(Lane lane, Order order) {
        Pin pin = lane.pinned.get(order.id());
        if (pin != null) {
            pin.latest = order;
        }
        if (order.isOpen()) {
            lane.open.put(order);
            accountOfOpenOrder.put(order.id(), order.account());
        } else {
            lane.open.remove(order.id());
            accountOfOpenOrder.remove(order.id());
        }
    }

    /**
     * Runs {@code announcement} (events about orders: notifications, risk events, log lines) once
     * what it tells of is durable: at the end of the current submit, whose writes may still be
     * pending, or at once outside a submit, where every store call was durable when it returned.
     * Nothing is announced when nothing listens.
     */
    private void announce(Runnable announcement) {
        if (events == EventSink.NONE) {
            return;
        }
        List<Runnable> queued = announcements.get();
        if (queued != null) {
            queued.add(announcement);
        } else {
            announcement.run();
        }
    }

    private void announceRiskDenial(Order order, PreTradeRisk.Denial d) {
        announce(() -> riskDenial(order, d));
    }

    private void riskDenial(Order order, PreTradeRisk.Denial d) {
        Instant now = order.updatedAt();
        events.riskEvent(new RiskEvent(order.account(), d.ruleId(), d.ruleType(), order.id(), d.limit(), d.observed(), d.message(), now));
        events.notify(new Notification(order.account(), NotificationType.RISK_ALERT, AlertLevel.WARNING,
                "Order refused by " + d.ruleType(), d.message(), Map.of("orderId", order.id(), "rule", String.valueOf(d.ruleId()),
                "ruleType", d.ruleType(), "limit", plain(d.limit()), "observed", plain(d.observed())), now));
        events.log(LogLevel.WARNING, "risk", d.message(), Map.of("orderId", order.id(), "account", order.account()));
    }

    private void announceRejection(Order order) {
        announce(() -> events.notify(new Notification(order.account(), NotificationType.ORDER_REJECTED, AlertLevel.WARNING, "Order rejected",
                order.side() + " " + order.quantity() + " " + order.symbol() + " rejected: " + order.message(),
                Map.of("orderId", order.id(), "reason", String.valueOf(order.rejectReason())), order.updatedAt())));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

}
