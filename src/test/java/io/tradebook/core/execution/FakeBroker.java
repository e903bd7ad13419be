package io.tradebook.core.execution;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BrokerPort} that does exactly what a test tells it, for tests of anything that talks
 * to a broker. It records every call; it can be told to fail the next calls of a kind
 * (transiently or permanently, with a message); it answers {@link #accountState} with a scripted
 * state (an account it was told nothing about is refused permanently, as a real broker would);
 * and it reports fills, cancels, expiries and late rejections to its listener only when the test
 * says so, on the test's thread. It simulates nothing: a fill changes the open orders it lists,
 * not the account state it answers. Thread-safe; the listener is called outside its lock.
 */
public class FakeBroker implements BrokerPort {

    /** The kinds of call a test can make fail. */
    public enum Call {
        SUBMIT, CANCEL, REPLACE, OPEN_ORDERS, ACCOUNT_STATE
    }

    /** One accepted cancel-replace. */
    public record Replacement(Order order, Order replacement) {
    }

    private record Failure(String message, boolean transientFailure) {
    }

    private final Map<Call, Deque<Failure>> failures = new EnumMap<>(Call.class);
    private final Map<Call, Failure> alwaysFailing = new EnumMap<>(Call.class);
    private final Map<Call, Integer> attempts = new EnumMap<>(Call.class);
    private final List<Order> submitted = new ArrayList<>();
    private final List<Order> cancelled = new ArrayList<>();
    private final List<Replacement> replaced = new ArrayList<>();
    private final Map<String, BrokerOrder> working = new LinkedHashMap<>();
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, BrokerAccountState> states = new HashMap<>();
    private BrokerListener listener;
    private Instant time = Instant.parse("2024-01-02T14:30:00Z");
    private long nextBrokerId;
    private long nextTradeId;

    // ---- scripting

    /** The next {@code times} calls of kind {@code call} throw a {@link BrokerException} with {@code message}. */
    public synchronized FakeBroker failNext(Call call, int times, String message, boolean transientFailure) {
        Deque<Failure> queue = failures.computeIfAbsent(call, c -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(message, transientFailure));
        }
        return this;
    }

    public FakeBroker failNextSubmits(int times, String message, boolean transientFailure) {
        return failNext(Call.SUBMIT, times, message, transientFailure);
    }

    /** Every later call of kind {@code call} throws (after any {@link #failNext} failures), until {@link #reset}. */
    public synchronized FakeBroker failAlways(Call call, String message, boolean transientFailure) {
        alwaysFailing.put(call, new Failure(message, transientFailure));
        return this;
    }

    /** Every later account-state query throws, until {@link #answerAccountState} or {@link #reset}. */
    public FakeBroker failAccountState(String message, boolean transientFailure) {
        return failAlways(Call.ACCOUNT_STATE, message, transientFailure);
    }

    /**
     * From now on {@link #accountState(String)} answers {@code state} for {@code account}, and
     * stops a {@link #failAccountState} (failures queued by {@link #failNext} still come first).
     */
    public synchronized FakeBroker answerAccountState(String account, BrokerAccountState state) {
        states.put(account, state);
        alwaysFailing.remove(Call.ACCOUNT_STATE);
        return this;
    }

    public FakeBroker answerAccountState(String account, Money cash, Map<String, Quantity> positions) {
        return answerAccountState(account, new BrokerAccountState(cash, positions));
    }

    /** The time the next reports carry. */
    public synchronized FakeBroker at(Instant now) {
        this.time = now;
        return this;
    }

    /** Forgets scripted failures (records are kept). */
    public synchronized FakeBroker reset() {
        failures.clear();
        alwaysFailing.clear();
        return this;
    }

    // ---- BrokerPort

    @Override
    public synchronized void setListener(BrokerListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized String submit(Order order) throws BrokerException {
        attempt(Call.SUBMIT);
        String brokerId = "B" + ++nextBrokerId;
        submitted.add(order);
        accounts.put(order.id(), order.account());
        working.put(order.id(), new BrokerOrder(order.id(), brokerId, order.symbol(), order.side(), order.remaining()));
        return brokerId;
    }

    @Override
    public synchronized void cancel(Order order) throws BrokerException {
        attempt(Call.CANCEL);
        cancelled.add(order);
    }

    @Override
    public synchronized void replace(Order order, Order replacement) throws BrokerException {
        attempt(Call.REPLACE);
        replaced.add(new Replacement(order, replacement));
        BrokerOrder w = working.get(order.id());
        if (w != null) {
            working.put(order.id(), new BrokerOrder(w.orderId(), w.brokerOrderId(), w.symbol(), w.side(), replacement.remaining()));
        }
    }

    @Override
    public synchronized List<BrokerOrder> openOrders(String account) throws BrokerException {
        attempt(Call.OPEN_ORDERS);
        return working.values().stream().filter(o -> account.equals(accounts.get(o.orderId()))).toList();
    }

    @Override
    public synchronized BrokerAccountState accountState(String account) throws BrokerException {
        attempt(Call.ACCOUNT_STATE);
        BrokerAccountState state = states.get(account);
        if (state == null) {
            throw new BrokerException("unknown account " + account, false);
        }
        return state;
    }

    private void attempt(Call call) throws BrokerException {
        attempts.merge(call, 1, Integer::sum);
        Deque<Failure> queue = failures.get(call);
        Failure failure = queue == null ? null : queue.poll();
        if (failure == null) {
            failure = alwaysFailing.get(call);
        }
        if (failure != null) {
            // a fresh exception per call, as a real adapter would throw
            throw new BrokerException(failure.message(), failure.transientFailure());
        }
    }

    // ---- reports to the listener, on demand

    /** Reports a fill of {@code quantity} at {@code price} on order {@code orderId}; returns it (to report again as a duplicate). */
    public BrokerFill fill(String orderId, Quantity quantity, Price price, Money fee) {
        BrokerFill fill;
        synchronized (this) {
            BrokerOrder w = working.get(orderId);
            fill = new BrokerFill(orderId, w == null ? null : w.brokerOrderId(), "F" + ++nextTradeId, quantity, price, fee, time);
            if (w != null) {
                Quantity left = w.remaining().minus(quantity);
                if (left.isPositive()) {
                    working.put(orderId, new BrokerOrder(orderId, w.brokerOrderId(), w.symbol(), w.side(), left));
                } else {
                    working.remove(orderId);
                }
            }
        }
        listener().onFill(fill);
        return fill;
    }

    /** Reports {@code fill} again, as a broker may after a reconnect. */
    public void repeat(BrokerFill fill) {
        listener().onFill(fill);
    }

    public void confirmCancel(String orderId, String reason) {
        Instant at = finish(orderId);
        listener().onCancelled(orderId, reason, at);
    }

    public void expire(String orderId, String reason) {
        Instant at = finish(orderId);
        listener().onExpired(orderId, reason, at);
    }

    public void rejectLate(String orderId, String reason) {
        Instant at = finish(orderId);
        listener().onRejected(orderId, reason, at);
    }

    private synchronized Instant finish(String orderId) {
        working.remove(orderId);
        return time;
    }

    private synchronized BrokerListener listener() {
        if (listener == null) {
            throw new IllegalStateException("no listener set on the fake broker");
        }
        return listener;
    }

    // ---- records

    /** How many times {@code call} was made, failed attempts included. */
    public synchronized int attempts(Call call) {
        return attempts.getOrDefault(call, 0);
    }

    /** The orders the broker accepted, in order. */
    public synchronized List<Order> submitted() {
        return List.copyOf(submitted);
    }

    public synchronized List<Order> cancelled() {
        return List.copyOf(cancelled);
    }

    public synchronized List<Replacement> replaced() {
        return List.copyOf(replaced);
    }
}
