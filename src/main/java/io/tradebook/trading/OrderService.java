package io.tradebook.trading;

import io.tradebook.core.books.Side;
import io.tradebook.core.execution.ConcurrentChangeException;
import io.tradebook.core.execution.ExecutionEngine;
import io.tradebook.core.execution.TradingAccount;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.AccountRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders of paper accounts through the one order path: submit, cancel, cancel-replace, read. A
 * request that is malformed (a missing or impossible field, a strategy the account does not have)
 * is refused before anything is stored; a well-formed request that the order path turns down (an
 * unknown symbol, a quantity off the lot, a risk rule, buying power) becomes a stored REJECTED
 * order with its reason, exactly as the engine decides. A client order id already used on the
 * account returns that first order, whatever the new request says. Thread-safe.
 *
 * <p>Refuses, as invalid fields: a missing symbol, side, type or quantity; a quantity or price that
 * is not positive, has too many decimals (8 for quantities, 12 for prices) or is too large (10^10
 * units, 10^8 a unit); a limit price missing on a LIMIT or STOP_LIMIT order or given on another; a
 * stop price likewise for STOP_LOSS and STOP_LIMIT; a symbol active on several exchanges; a
 * strategy the account does not have (or, for a key bound to a strategy, another strategy); an
 * over-long client order id. As forbidden: an API key bound to a strategy of another account. As a
 * conflict: cancelling or replacing an order that is no longer working.
 */
public final class OrderService {
    /** An order as asked for; {@code timeInForce} null means DAY, {@code strategy} null the account's manual book. Immutable. */
    public record Ticket(String symbol, Side side, OrderType type, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                         TimeInForce timeInForce, String strategy, String clientOrderId) {
    }

    /** The order a submit returns, and whether the submit made it (false: its client order id found an earlier one). Immutable. */
    public record Submitted(Order order, boolean created) {
    }

    private final ExecutionEngine engine;
    private final AccountCache accounts;
    private final SecurityCache securities;
    private final OrderIds ids;

    /** Brings what the order path holds of an account up to the database's state (another process may have changed it). */
    private final java.util.function.Consumer<String> freshen;

    private final OrderWorkers workers;

    OrderService(ExecutionEngine engine, AccountCache accounts, SecurityCache securities, OrderIds ids,
                 java.util.function.Consumer<String> freshen, OrderWorkers workers) {
        this.freshen = freshen;
        this.workers = workers;
        this.engine = engine;
        this.accounts = accounts;
        this.securities = securities;
        this.ids = ids;
    }

    /**
     * Submits {@code t} for the account. {@code boundStrategy} is the strategy activation the
     * caller's API key is bound to (null for none): the order is attributed to it.
     */
    public Outcome<Submitted> submit(UUID accountId, Ticket t, UUID boundStrategy) {
        String key = accountId.toString();
        AccountCache.Entry account = accounts.entry(key).orElseThrow(() -> new IllegalStateException("no account " + key));
        FieldChecks checks = new FieldChecks();
        String symbol = checks.text("symbol", t.symbol(), 50, true);
        if (t.side() == null) {
            checks.problem("side", "is required (BUY or SELL)");
        }
        if (t.type() == null) {
            checks.problem("type", "is required (MARKET, LIMIT, STOP_LOSS or STOP_LIMIT)");
        }
        BigDecimal quantity = checks.quantity("quantity", t.quantity(), true);
        BigDecimal limit = checks.price("limitPrice", t.limitPrice(), false);
        BigDecimal stop = checks.price("stopPrice", t.stopPrice(), false);
        if (t.type() != null) {
            pricesOfType(checks, t.type(), t.limitPrice(), t.stopPrice(), true);
        }
        String clientOrderId = checks.text("clientOrderId", t.clientOrderId(), 100, false);
        Optional<Refusal> wrongStrategy = Optional.empty();
        String strategy = null;
        if (boundStrategy != null) {
            Optional<AccountCache.Book> bound = account.books().values().stream().filter(b -> b.id().equals(boundStrategy)).findFirst();
            if (bound.isEmpty()) {
                wrongStrategy = Optional.of(Refusal.forbidden("this API key is bound to a strategy of another account"));
            } else {
                strategy = bound.get().name();
                String asked = checks.text("strategy", t.strategy(), 100, false);
                if (asked != null && !asked.equals(strategy)) {
                    checks.problem("strategy", "this API key orders for strategy " + strategy + " only");
                }
            }
        } else {
            strategy = checks.text("strategy", t.strategy(), 100, false);
            if (strategy == null && t.strategy() == null) {
                strategy = defaultBook(account);
                if (strategy == null) {
                    checks.problem("strategy", "is required: this account has no manual book and several strategies ("
                            + String.join(", ", account.books().keySet()) + ")");
                }
            } else if (strategy != null && !account.books().containsKey(strategy)) {
                checks.problem("strategy", "is not a strategy of this account (it has " + String.join(", ", account.books().keySet()) + ")");
            }
        }
        if (wrongStrategy.isPresent()) {
            return Outcome.refused(wrongStrategy.get());
        }
        if (symbol != null) {
            SecurityCache.Lookup found = securities.lookup(symbol);
            if (found.ambiguous()) {
                checks.problem("symbol", "is active on several exchanges (" + String.join(", ", found.exchanges()) + ")");
            }
        }
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        TradingAccount trading = account.account();
        Currency currency = trading.currency();
        OrderRequest request = new OrderRequest(key, strategy, clientOrderId, symbol, t.side(), t.type(),
                t.timeInForce() == null ? TimeInForce.DAY : t.timeInForce(), Quantity.of(quantity), price(limit, currency),
                price(stop, currency), null);
        ids.clear();
        Order order;
        try {
            order = engine.submit(request);
        } catch (ConcurrentChangeException e) {
            // other server processes kept changing the account through every retry: nothing of this order was stored
            return Outcome.refused(new Refusal(Refusal.Reason.CONFLICT, "the account was changed by another server process during "
                    + "each try; nothing was stored: send the order again", List.of(), null));
        }
        return Outcome.ok(new Submitted(order, ids.madeHere(order.id())));
    }

    /** The manual book, else the account's only book; null when there is neither. */
    private static String defaultBook(AccountCache.Entry account) {
        if (account.books().containsKey(AccountRepository.MANUAL_BOOK)) {
            return AccountRepository.MANUAL_BOOK;
        }
        return account.books().size() == 1 ? account.books().keySet().iterator().next() : null;
    }

    /** Whether the limit and stop prices given fit the type; {@code required} also asks for those the type needs. */
    private static void pricesOfType(FieldChecks checks, OrderType type, BigDecimal limit, BigDecimal stop, boolean required) {
        if (type.needsLimit() && limit == null && required) {
            checks.problem("limitPrice", "is required for a " + type + " order");
        } else if (!type.needsLimit() && limit != null) {
            checks.problem("limitPrice", "is not used by a " + type + " order");
        }
        if (type.needsStop() && stop == null && required) {
            checks.problem("stopPrice", "is required for a " + type + " order");
        } else if (!type.needsStop() && stop != null) {
            checks.problem("stopPrice", "is not used by a " + type + " order");
        }
    }

    /** The account's order as it stands now (the order path's latest state); empty when the account has no such order. */
    public Optional<Order> find(UUID accountId, UUID orderId) {
        freshen.accept(accountId.toString());
        return engine.find(orderId.toString()).filter(o -> o.account().equals(accountId.toString()));
    }

    /** The order's history, oldest first. */
    public List<OrderEvent> events(UUID orderId) {
        return engine.store().events(orderId.toString());
    }

    /**
     * Cancels the account's working order and returns it as it stands: CANCELLED, or still
     * working when the broker's confirmation is being delivered by another thread.
     */
    public Outcome<Order> cancel(UUID accountId, UUID orderId) {
        Optional<Order> found = find(accountId, orderId);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no order " + orderId));
        }
        if (!found.get().isOpen()) {
            return Outcome.refused(finished(found.get(), "cancelled"));
        }
        if (workers.elsewhere(orderId) != null) {
            // another process works it: it cancels it, and the order is returned still working, as when a confirmation is on its way
            workers.cancelThere(orderId);
            return Outcome.ok(found.get());
        }
        try {
            return Outcome.ok(engine.cancel(orderId.toString()));
        } catch (IllegalStateException e) {
            Order now = find(accountId, orderId).orElseThrow(() -> e);
            if (!now.isOpen()) {
                return Outcome.refused(finished(now, "cancelled"));
            }
            throw e;
        }
    }

    /**
     * Replaces the working order's quantity (the new total, filled part included), limit or stop;
     * null keeps each. The new terms are checked as a new order's, buying power included.
     */
    public Outcome<Order> replace(UUID accountId, UUID orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        Optional<Order> found = find(accountId, orderId);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no order " + orderId));
        }
        Order order = found.get();
        FieldChecks checks = new FieldChecks();
        if (quantity == null && limitPrice == null && stopPrice == null) {
            checks.problem("quantity", "send a new quantity, limitPrice or stopPrice");
        }
        BigDecimal q = checks.quantity("quantity", quantity, false);
        BigDecimal limit = checks.price("limitPrice", limitPrice, false);
        BigDecimal stop = checks.price("stopPrice", stopPrice, false);
        pricesOfType(checks, order.type(), limitPrice, stopPrice, false);
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        if (!order.isOpen() || order.status() == OrderStatus.PENDING) {
            return Outcome.refused(finished(order, "replaced"));
        }
        Quantity newQuantity = q == null ? order.quantity() : Quantity.of(q);
        if (newQuantity.compareTo(order.filledQuantity()) <= 0) {
            return Outcome.refused(Refusal.invalid("quantity", "must exceed the " + order.filledQuantity().toPlainString()
                    + " already filled"));
        }
        Currency currency = order.reserved().currency();
        Price newLimit = limit == null ? order.limitPrice() : Price.of(limit, currency);
        Price newStop = stop == null ? order.stopPrice() : Price.of(stop, currency);
        String worker = workers.elsewhere(orderId);
        if (worker != null) {
            return Outcome.refused(new Refusal(Refusal.Reason.CONFLICT, "order " + order.id() + " is worked by server node " + worker
                    + ": replace it through that process (or cancel it and place a new one)", List.of(), null));
        }
        try {
            return Outcome.ok(engine.replace(orderId.toString(), newQuantity, newLimit, newStop));
        } catch (IllegalArgumentException refused) {
            return Outcome.refused(Refusal.invalid(fieldOf(refused.getMessage(), limit != null), refused.getMessage()));
        } catch (IllegalStateException e) {
            Order now = find(accountId, orderId).orElseThrow(() -> e);
            if (!now.isOpen()) {
                return Outcome.refused(finished(now, "replaced"));
            }
            throw e;
        }
    }

    /** Which field a refusal of new terms by the order path is about, from its reason. */
    private static String fieldOf(String message, boolean limitGiven) {
        if (message != null && message.startsWith("INVALID_PRICE")) {
            return limitGiven ? "limitPrice" : "stopPrice";
        }
        return "quantity";
    }

    private static Refusal finished(Order order, String what) {
        return new Refusal(Refusal.Reason.CONFLICT, "order " + order.id() + " is " + order.status() + " and cannot be " + what
                + (order.status() == OrderStatus.PENDING ? " yet" : ""), List.of(), null);
    }

    private static Price price(BigDecimal value, Currency currency) {
        return value == null ? null : Price.of(value, currency);
    }
}
