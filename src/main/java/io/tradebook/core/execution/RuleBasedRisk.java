package io.tradebook.core.execution;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.risk.RiskContext;
import io.tradebook.core.risk.RiskDecision;
import io.tradebook.core.risk.RiskEngine;
import io.tradebook.core.risk.RiskRule;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-trade risk from a {@link RiskEngine}'s rules, evaluated against the live books: positions
 * and equity come from the {@link BookKeeper} at reference prices (a position without a price is
 * valued at its average price), and this class keeps what the books do not: each scope's equity at
 * the start of the trading day (the first equity it observes on a UTC date, or what
 * {@link #observe} is told at the session open), its peak equity, and how many orders it let
 * through today (used for MAX_ORDERS_PER_DAY when the store cannot count today's placed orders).
 *
 * <p>A strategy's figures: its positions; its equity is its budget plus its positions' value when
 * it has an allocation, else what it has made (realized plus unrealized P&L), so rules of a pooled
 * strategy that need a capital base (drawdown, fractional daily loss) deny until it has one.
 * An account without rules is never asked about. Thread-safe.
 */
public final class RuleBasedRisk implements PreTradeRisk {
    private final RiskEngine rules;
    private final BookKeeper books;
    private final ReferencePrices prices;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final Map<Scope, ScopeMarks> marks = new ConcurrentHashMap<>();
    private final PlacedOrders placed;

    /**
     * How many orders of an account (strategy null) or of one of its strategies reached the broker
     * since a time, as the store holds them; empty when the store cannot tell.
     */
    @FunctionalInterface
    public interface PlacedOrders {
        java.util.OptionalInt since(String account, String strategy, java.time.Instant start);

        PlacedOrders UNKNOWN = (account, strategy, start) -> java.util.OptionalInt.empty();
    }

    /** An account (strategy null) or one strategy on it. */
    private record Scope(String account, String strategy) {
    }

    /** A scope's day-start equity, peak and order count for one date. */
    private static final class ScopeMarks {
        /** The UTC date these marks are for, as days since the epoch (Long.MIN_VALUE before the first). */
        long day = Long.MIN_VALUE;
        Money dayStart;
        Money peak;
        int orders;
    }

    public RuleBasedRisk(RiskEngine rules, BookKeeper books, ReferencePrices prices, AccountDirectory accounts, Clock clock) {
        this(rules, books, prices, accounts, clock, PlacedOrders.UNKNOWN);
    }

    /**
     * As {@link #RuleBasedRisk(RiskEngine, BookKeeper, ReferencePrices, AccountDirectory, Clock)},
     * with MAX_ORDERS_PER_DAY counting the orders {@code placed} reports since the UTC day began
     * (those that reached the broker, from every process that shares the store) where it can tell.
     */
    public RuleBasedRisk(RiskEngine rules, BookKeeper books, ReferencePrices prices, AccountDirectory accounts, Clock clock,
                         PlacedOrders placed) {
        this.placed = java.util.Objects.requireNonNull(placed, "placed");
        this.rules = rules;
        this.books = books;
        this.prices = prices;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Optional<Denial> check(String orderId, OrderRequest request, Price referencePrice) {
        boolean any = false;
        for (RiskRule rule : rules.rules()) {
            if (rule.account().equals(request.account())) {
                any = true;
                break;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        TradingAccount account = accounts.account(request.account()).orElseThrow();
        RiskDecision decision = rules.check(request, new LazyContext(account, request.symbol(), referencePrice));
        if (decision instanceof RiskDecision.Denied d) {
            RiskRule rule = d.rule();
            return Optional.of(new Denial(rule.id(), rule.type().name(), d.message(), rule.limit(), d.observed()));
        }
        long today = today();
        count(new Scope(request.account(), null), today);
        count(new Scope(request.account(), request.strategy()), today);
        return Optional.empty();
    }

    /**
     * The account's figures, computed only as far as the rules ask: a position or a price is a
     * single lookup, and the full valuation (equity, open positions, strategies' figures) is built
     * once, on first need.
     */
    private final class LazyContext implements RiskContext {
        private final TradingAccount account;
        private final String symbol;
        private final Price referencePrice;
        private RiskContext full;

        LazyContext(TradingAccount account, String symbol, Price referencePrice) {
            this.account = account;
            this.symbol = symbol;
            this.referencePrice = referencePrice;
        }

        private RiskContext full() {
            if (full == null) {
                full = context(account, symbol, referencePrice);
            }
            return full;
        }

        @Override
        public String account() {
            return account.key();
        }

        @Override
        public String strategy() {
            return null;
        }

        @Override
        public Quantity position(String s) {
            return full != null ? full.position(s) : books.netPosition(account.key(), s);
        }

        @Override
        public Optional<Price> referencePrice(String s) {
            Optional<Price> latest = prices.latest(s);
            return latest.isPresent() || !s.equals(symbol) ? latest : Optional.of(referencePrice);
        }

        @Override
        public Money equity() {
            return full().equity();
        }

        @Override
        public Money dayStartEquity() {
            return full().dayStartEquity();
        }

        @Override
        public Money peakEquity() {
            return full().peakEquity();
        }

        @Override
        public int openPositions() {
            return full().openPositions();
        }

        @Override
        public int ordersToday() {
            return RuleBasedRisk.this.ordersToday(account.key(), null);
        }

        @Override
        public RiskContext forStrategy(String strategy) {
            return full().forStrategy(strategy);
        }
    }

    /** Tells the scope's equity now (at a session open, a bar close, a fill), moving its day start and peak. */
    public void observe(String account, String strategy, Money equity) {
        marksOf(account, strategy, equity);
    }

    private RiskContext context(TradingAccount account, String symbol, Price referencePrice) {
        AccountSnapshot snapshot = books.snapshot(account.key());
        Map<String, Price> valuation = new HashMap<>();
        Map<String, Quantity> accountPositions = new HashMap<>();
        Map<String, Map<String, Quantity>> strategyPositions = new HashMap<>();
        Map<String, Money> strategyValue = new HashMap<>();
        Currency currency = account.currency();
        for (AccountSnapshot.Position p : snapshot.positions()) {
            Price mark = prices.markOf(p);
            valuation.put(p.symbol(), mark);
            Quantity signed = p.side() == PositionSide.SHORT ? p.quantity().negate() : p.quantity();
            accountPositions.merge(p.symbol(), signed, Quantity::plus);
            strategyPositions.computeIfAbsent(p.strategy(), s -> new HashMap<>()).merge(p.symbol(), signed, Quantity::plus);
            Money pnl = p.realizedPnl().plus(p.unrealizedPnl(mark));
            strategyValue.merge(p.strategy(), pnl, Money::plus);
        }
        valuation.putIfAbsent(symbol, referencePrice);
        Money equity = snapshot.equity(valuation);
        Map<String, RiskContext.Snapshot> strategies = new HashMap<>();
        for (RiskRule rule : rules.rules()) {
            String s = rule.strategy();
            if (s == null || !rule.account().equals(account.key()) || strategies.containsKey(s)) {
                continue;
            }
            Map<String, Quantity> positions = strategyPositions.getOrDefault(s, Map.of());
            Money strategyEquity = strategyValue.getOrDefault(s, Money.zero(currency));
            if (accounts.activation(account.key(), s).map(StrategyActivation::allocated).orElse(false)) {
                strategyEquity = books.cashAvailable(account.key(), s);
                for (Map.Entry<String, Quantity> e : positions.entrySet()) {
                    strategyEquity = strategyEquity.plus(e.getValue().times(valuation.get(e.getKey())));
                }
            }
            ScopeMarks m = marksOf(account.key(), s, strategyEquity);
            strategies.put(s, new RiskContext.Snapshot(account.key(), s, positions, valuation, strategyEquity, m.dayStart, m.peak,
                    ordersToday(account.key(), s), Map.of()));
        }
        ScopeMarks a = marksOf(account.key(), null, equity);
        return new RiskContext.Snapshot(account.key(), null, accountPositions, valuation, equity, a.dayStart, a.peak,
                ordersToday(account.key(), null), strategies);
    }

    /** The scope's orders today: those the store holds as placed since the UTC day began, else those this engine let through. */
    private int ordersToday(String account, String strategy) {
        long today = today();
        java.util.OptionalInt stored = placed.since(account, strategy, java.time.Instant.ofEpochSecond(today * 86_400L));
        if (stored.isPresent()) {
            return stored.getAsInt();
        }
        ScopeMarks m = marks.get(new Scope(account, strategy));
        if (m == null) {
            return 0;
        }
        synchronized (m) {
            return today == m.day ? m.orders : 0;
        }
    }

    private ScopeMarks marksOf(String account, String strategy, Money equity) {
        ScopeMarks m = marks.computeIfAbsent(new Scope(account, strategy), k -> new ScopeMarks());
        synchronized (m) {
            long today = today();
            if (today != m.day) {
                m.day = today;
                m.orders = 0;
                m.dayStart = null;
            }
            if (m.dayStart == null) {
                m.dayStart = equity;
            }
            m.peak = m.peak == null || equity.compareTo(m.peak) > 0 ? equity : m.peak;
            return m;
        }
    }

    private void count(Scope scope, long today) {
        ScopeMarks m = marks.computeIfAbsent(scope, k -> new ScopeMarks());
        synchronized (m) {
            if (today != m.day) {
                m.day = today;
                m.dayStart = null;
                m.orders = 0;
            }
            m.orders++;
        }
    }

    /** Today's date (UTC) on the clock, as days since the epoch. */
    private long today() {
        return Math.floorDiv(clock.instant().getEpochSecond(), 86_400L);
    }
}
