package io.tradebook.core.execution.paper;

import io.tradebook.core.execution.BrokerAccountState;
import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.execution.BrokerFill;
import io.tradebook.core.execution.BrokerListener;
import io.tradebook.core.execution.BrokerOrder;
import io.tradebook.core.execution.BrokerPort;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.LastPrice;
import io.tradebook.core.marketdata.MarketDataListener;
import io.tradebook.core.marketdata.Quote;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A broker that simulates its executions against the market data it is given: a broker like any
 * other to the order path, for paper trading and backtests. It keeps, like a real broker, each
 * account's cash and net positions and the working orders, and reports fills, cancels and expiries
 * through its {@link BrokerListener}. The matching rules are written down in
 * {@code docs/paper-broker.md}; in short, live prices fill at once at the ask or bid, bars fill
 * from the next bar's open on, with slippage, adverse tick rounding and commission on every fill.
 *
 * <p>Thread-safe: matching holds the broker's one lock, and reports are delivered outside it, in
 * order per account, through per-account outboxes (see {@code docs/paper-broker.md}, "Time and
 * threads"), so a listener may take locks of its own and a slow one holds up only its account.
 *
 * <p>Refuses, with a {@link BrokerException} that is not transient: an order for an instrument it
 * does not know or with invalid terms, an order of an account in another currency, a cancel or
 * replace of an order it does not know or that has finished, and the state of an account it has
 * never seen. It does not check buying power or short selling: that is the order path's job, and
 * cash may go negative.
 */
public final class PaperBroker implements BrokerPort, MarketDataListener {

    /**
     * How the paper broker simulates. Immutable.
     *
     * @param maxVolumeParticipation the largest fraction of a bar's volume that orders of its symbol
     *                               may fill on that bar together, in (0, 1]; 1 (the default) turns
     *                               the cap off, and then a bar's volume is ignored
     * @param clock                  the time of fills, cancels and expiries that happen inside
     *                               {@code submit}, {@code cancel} and {@code replace}
     */
    public record Config(BigDecimal maxVolumeParticipation, Clock clock) {
        public Config {
            Objects.requireNonNull(maxVolumeParticipation, "maxVolumeParticipation");
            Objects.requireNonNull(clock, "clock");
            if (maxVolumeParticipation.signum() <= 0 || maxVolumeParticipation.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("volume participation must be in (0, 1]: " + maxVolumeParticipation.toPlainString());
            }
        }

        /** No volume cap, the system clock. */
        public static Config defaults() {
            return new Config(BigDecimal.ONE, Clock.systemUTC());
        }

        public Config withMaxVolumeParticipation(BigDecimal fraction) {
            return new Config(fraction, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(maxVolumeParticipation, newClock);
        }

        /** What may fill on {@code bar}: the cap times its volume, rounded down to {@code lot}; null when uncapped. */
        Quantity barCapacity(Bar bar, Quantity lot) {
            if (maxVolumeParticipation.compareTo(BigDecimal.ONE) == 0) {
                return null;
            }
            BigDecimal lots = maxVolumeParticipation.multiply(bar.volume().value()).divide(lot.value(), 0, RoundingMode.FLOOR);
            return Quantity.of(lots.multiply(lot.value()));
        }
    }

    /** A report for the listener about one account's order, queued under the lock and delivered after it. */
    private record Report(String account, Consumer<BrokerListener> call) {
    }

    /** One account's queued reports, and who is delivering them: reports of one account go out in order, one at a time. */
    private static final class Outbox {
        final ConcurrentLinkedQueue<Consumer<BrokerListener>> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock delivering = new ReentrantLock();
    }

    /**
     * What the broker knows of one symbol: its live price, the time of its latest bar, and its
     * working orders, oldest first (the same orders, in the same order, as in {@code working}).
     * Kept per symbol so that a bar or a price of a symbol without working orders costs one lookup.
     */
    private static final class Market {
        final Map<String, WorkingOrder> working = new LinkedHashMap<>();
        LivePrice live;
        Instant lastBar;

        void sawBar(Instant time) {
            if (lastBar == null || time.isAfter(lastBar)) {
                lastBar = time;
            }
        }
    }

    /** An order that will not work again, remembered so that a repeated submit is harmless and a late cancel is explained. */
    private record Finished(String brokerOrderId, String outcome) {
    }

    /**
     * How many finished orders the broker remembers, newest first. A repeated submit or a cancel
     * comes within moments of the original; remembering every order ever would make memory grow
     * with the number of orders, which a long backtest cannot afford.
     */
    static final int FINISHED_REMEMBERED = 100_000;

    private final InstrumentSource instruments;
    private final FillPricing pricing;
    private final CommissionModel commission;
    private final Config config;
    private final Map<String, PaperAccount> accounts = new HashMap<>();
    private final Map<String, WorkingOrder> working = new LinkedHashMap<>();
    private final Map<String, Finished> finished = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Finished> eldest) {
            return size() > FINISHED_REMEMBERED;
        }
    };
    private final Map<String, Market> markets = new HashMap<>();
    private String lastMarketSymbol;
    private Market lastMarket;
    private final ConcurrentMap<String, Outbox> outboxes = new ConcurrentHashMap<>();
    private BrokerListener listener;
    private final String idPrefix;
    private long orderSequence;
    private long tradeSequence;

    public PaperBroker(InstrumentSource instruments, SlippageModel slippage, CommissionModel commission, Config config) {
        this(instruments, slippage, commission, config, "");
    }

    /**
     * A paper broker whose order and trade ids carry {@code idTag} ({@code P-<tag>-1},
     * {@code PT-<tag>-1}, …): several paper brokers that book into one database (one per server
     * process) need distinct tags, since a trade id is unique per account. Refuses a tag that is
     * not letters, digits and dashes.
     */
    public PaperBroker(InstrumentSource instruments, SlippageModel slippage, CommissionModel commission, Config config, String idTag) {
        if (!idTag.matches("[A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("a paper broker id tag is letters, digits and dashes: '" + idTag + "'");
        }
        this.idPrefix = idTag.isEmpty() ? "" : idTag + "-";
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.pricing = new FillPricing(Objects.requireNonNull(slippage, "slippage"));
        this.commission = Objects.requireNonNull(commission, "commission");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The paper broker keeps its working orders in memory only: after a restart it holds none, so none can be unknown to the books. */
    @Override
    public boolean keepsOrdersAcrossRestarts() {
        return false;
    }

    @Override
    public synchronized void setListener(BrokerListener newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
    }

    /** Deposits {@code amount} into {@code account}, opening it in that currency; refuses a non-positive amount or another currency. */
    public synchronized void fund(String account, Money amount) {
        Objects.requireNonNull(account, "account");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("deposit must be positive: " + amount);
        }
        accounts.computeIfAbsent(account, a -> new PaperAccount(amount.currency())).deposit(amount);
    }

    /**
     * Pays {@code amount} out of {@code account}; refuses a non-positive amount, another currency
     * and an account it has never seen. Like {@link #fund}, it does not check the cash left.
     */
    public synchronized void withdraw(String account, Money amount) {
        Objects.requireNonNull(account, "account");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("withdrawal must be positive: " + amount);
        }
        PaperAccount a = accounts.get(account);
        if (a == null) {
            throw new IllegalArgumentException("the paper broker has no account " + account);
        }
        a.withdraw(amount);
    }

    /**
     * Accepts {@code order} and matches it at once against the live price of its symbol, if there
     * is one. Submitting an order id a second time changes nothing and returns the same broker id.
     */
    @Override
    public String submit(Order order) throws BrokerException {
        List<Report> out = new ArrayList<>();
        String brokerId;
        synchronized (this) {
            brokerId = place(order, out);
            post(out);
        }
        deliver(out);
        return brokerId;
    }

    private String place(Order order, List<Report> out) throws BrokerException {
        if (listener == null) {
            throw new IllegalStateException("set a listener before the first submit");
        }
        WorkingOrder known = working.get(order.id());
        if (known != null) {
            return known.brokerOrderId();
        }
        Finished done = finished.get(order.id());
        if (done != null) {
            return done.brokerOrderId();
        }
        if (!order.isOpen()) {
            throw new BrokerException("order " + order.id() + " is " + order.status() + "; only an open order can be placed", false);
        }
        Instrument instrument = instruments.find(order.symbol())
                .orElseThrow(() -> new BrokerException("the paper broker does not know the instrument " + order.symbol(), false));
        PaperTerms.check(order.id(), instrument, order.type(), order.quantity(), order.limitPrice(), order.stopPrice());
        openAccount(order.account(), instrument);
        Market market = market(order.symbol());
        WorkingOrder w = WorkingOrder.accept(order, "P-" + idPrefix + ++orderSequence, instrument, market.lastBar);
        Instant now = config.clock().instant();
        if (market.live != null) {
            settle(w, LivePriceMatching.match(w, market.live), null, now, out);
        } else if (w.oneShot() && market.lastBar == null) {
            expire(w, "no market price", now, out);
        } else {
            keep(w);
        }
        return w.brokerOrderId();
    }

    @Override
    public void cancel(Order order) throws BrokerException {
        List<Report> out = new ArrayList<>();
        synchronized (this) {
            WorkingOrder w = requireWorking(order.id(), "cancel");
            drop(w);
            finished.put(w.orderId(), new Finished(w.brokerOrderId(), "cancelled"));
            Instant now = config.clock().instant();
            out.add(new Report(w.account(), l -> l.onCancelled(w.orderId(), "cancelled", now)));
            post(out);
        }
        deliver(out);
    }

    /**
     * Gives a working order the replacement's quantity, limit and stop, then matches it at once
     * against the live price, if there is one; on bars it matches from the next bar on. Refuses a
     * change of account, symbol, side or type, and a quantity not above what has already filled.
     */
    @Override
    public void replace(Order order, Order replacement) throws BrokerException {
        List<Report> out = new ArrayList<>();
        synchronized (this) {
            amend(order, replacement, out);
            post(out);
        }
        deliver(out);
    }

    private void amend(Order order, Order replacement, List<Report> out) throws BrokerException {
        WorkingOrder w = requireWorking(order.id(), "replace");
        if (!replacement.account().equals(w.account()) || !replacement.symbol().equals(w.symbol())
                || replacement.side() != w.side() || replacement.type() != w.type()) {
            throw new BrokerException("replace of order " + w.orderId() + " may change only its quantity, limit and stop", false);
        }
        PaperTerms.check(w.orderId(), w.instrument(), w.type(), replacement.quantity(), replacement.limitPrice(),
                replacement.stopPrice());
        if (replacement.quantity().compareTo(w.filled()) <= 0) {
            throw new BrokerException("replace of order " + w.orderId() + ": new quantity " + replacement.quantity()
                    + " must exceed the " + w.filled() + " already filled", false);
        }
        Market market = market(w.symbol());
        WorkingOrder r = w.replaced(replacement.quantity(), replacement.limitPrice(), replacement.stopPrice(), market.lastBar);
        keep(r);
        if (market.live != null) {
            settle(r, LivePriceMatching.match(r, market.live), null, config.clock().instant(), out);
        }
    }

    @Override
    public synchronized List<BrokerOrder> openOrders(String account) {
        return working.values().stream().filter(w -> w.account().equals(account)).map(WorkingOrder::toBrokerOrder).toList();
    }

    @Override
    public synchronized BrokerAccountState accountState(String account) throws BrokerException {
        PaperAccount a = accounts.get(account);
        if (a == null) {
            throw new BrokerException("the paper broker has no account " + account, false);
        }
        return a.state();
    }

    @Override
    public void onQuote(Quote quote) {
        onLive(quote.symbol(), LivePrice.of(quote));
    }

    @Override
    public void onLastPrice(LastPrice lastPrice) {
        onLive(lastPrice.symbol(), LivePrice.of(lastPrice));
    }

    /**
     * Matches the working orders of the bar's symbol that were submitted before the bar started
     * (strictly after the latest bar they had seen), oldest first, sharing the bar's volume cap.
     * A bar of a symbol without working orders only moves the symbol's latest bar time: one
     * lookup, nothing allocated, so a backtest pays for matching only while orders work.
     */
    @Override
    public void onBar(Bar bar) {
        List<Report> out;
        synchronized (this) {
            Market market = market(bar.symbol());
            if (market.working.isEmpty()) {
                market.sawBar(bar.time());
                return;
            }
            List<WorkingOrder> eligible = new ArrayList<>(market.working.size());
            for (WorkingOrder w : market.working.values()) {
                if (w.eligibleFor(bar)) {
                    eligible.add(w);
                }
            }
            market.sawBar(bar.time());
            out = new ArrayList<>();
            Quantity capacity = eligible.isEmpty() ? null : config.barCapacity(bar, eligible.get(0).instrument().lotSize());
            for (WorkingOrder w : eligible) {
                Quantity used = settle(w, BarMatching.match(w, bar), capacity, bar.time(), out);
                capacity = capacity == null ? null : capacity.minus(used);
            }
            post(out);
        }
        deliver(out);
    }

    /** The end of the trading session: every working DAY order expires, and so does an IOC or FOK still waiting for a bar. */
    public void closeSession(Instant time) {
        List<Report> out = new ArrayList<>();
        synchronized (this) {
            if (working.isEmpty()) {
                return;
            }
            for (WorkingOrder w : List.copyOf(working.values())) {
                if (w.timeInForce() == TimeInForce.DAY || w.oneShot()) {
                    expire(w, "session close", time, out);
                }
            }
            post(out);
        }
        deliver(out);
    }

    private void onLive(String symbol, LivePrice live) {
        List<Report> out = new ArrayList<>();
        synchronized (this) {
            Market market = market(symbol);
            market.live = live;
            for (WorkingOrder w : List.copyOf(market.working.values())) {
                settle(w, LivePriceMatching.match(w, live), null, live.time(), out);
            }
            post(out);
        }
        deliver(out);
    }

    /**
     * Applies {@code match} to {@code order}: fills what it can (all of the rest, or up to
     * {@code capacity} when that is not null; a FOK all or nothing), then keeps the order working,
     * or finishes it as filled, or expires a one-shot order's rest. Returns the quantity filled.
     */
    private Quantity settle(WorkingOrder order, Match match, Quantity capacity, Instant time, List<Report> out) {
        WorkingOrder w = match.triggered() && !order.triggered() ? order.triggeredNow() : order;
        Quantity fill = Quantity.ZERO;
        if (match.fills()) {
            fill = capacity == null ? w.remaining() : w.remaining().min(capacity);
            if (w.timeInForce() == TimeInForce.FOK && fill.compareTo(w.remaining()) < 0) {
                fill = Quantity.ZERO;
            }
        }
        if (fill.isPositive()) {
            w = fill(w, fill, match.price(), time, out);
        }
        if (w.remaining().isZero()) {
            drop(w);
            finished.put(w.orderId(), new Finished(w.brokerOrderId(), "filled"));
        } else if (w.oneShot()) {
            expire(w, w.timeInForce() == TimeInForce.FOK ? "fill-or-kill: could not fill completely at once"
                    : "immediate-or-cancel: the rest did not fill at once", time, out);
        } else {
            keep(w);
        }
        return fill;
    }

    private WorkingOrder fill(WorkingOrder w, Quantity quantity, Price matched, Instant time, List<Report> out) {
        Price price = pricing.fillPrice(w, matched);
        Money fee = commission.commission(w.filled(), quantity, price);
        accounts.get(w.account()).apply(w.side(), w.symbol(), quantity, price, fee);
        BrokerFill fill = new BrokerFill(w.orderId(), w.brokerOrderId(), "PT-" + idPrefix + ++tradeSequence, quantity, price, fee, time);
        out.add(new Report(w.account(), l -> l.onFill(fill)));
        return w.filledBy(quantity);
    }

    private void expire(WorkingOrder w, String reason, Instant time, List<Report> out) {
        drop(w);
        finished.put(w.orderId(), new Finished(w.brokerOrderId(), "expired"));
        out.add(new Report(w.account(), l -> l.onExpired(w.orderId(), reason, time)));
    }

    /** Queues the reports in their accounts' outboxes in the order they were made; call while holding the lock. */
    private void post(List<Report> out) {
        for (Report r : out) {
            outboxes.computeIfAbsent(r.account(), a -> new Outbox()).queue.add(r.call());
        }
    }

    /**
     * Delivers the queued reports of the accounts in {@code out}, outside the broker's lock (call
     * only without holding it). One thread at a time delivers an account's reports, in order;
     * whoever delivers looks again after letting go, so no report is left behind; reports of
     * different accounts go out in parallel.
     */
    private void deliver(List<Report> out) {
        if (out.isEmpty()) {
            return;
        }
        BrokerListener target;
        synchronized (this) {
            target = listener;
        }
        String first = out.get(0).account();
        boolean oneAccount = true;
        for (int i = 1; i < out.size() && oneAccount; i++) {
            oneAccount = out.get(i).account().equals(first);
        }
        if (oneAccount) {
            drain(outboxes.get(first), target);
            return;
        }
        Set<Outbox> touched = new LinkedHashSet<>();
        for (Report r : out) {
            touched.add(outboxes.get(r.account()));
        }
        for (Outbox box : touched) {
            drain(box, target);
        }
    }

    /** Delivers {@code box}'s queued reports unless another thread is; looks again after letting go, so none is left behind. */
    private static void drain(Outbox box, BrokerListener target) {
        while (!box.queue.isEmpty() && box.delivering.tryLock()) {
            try {
                for (Consumer<BrokerListener> call = box.queue.poll(); call != null; call = box.queue.poll()) {
                    call.accept(target);
                }
            } finally {
                box.delivering.unlock();
            }
        }
    }

    /** The symbol's market state, created on first use. */
    /** Call holding this broker's lock. A run of bars of one symbol (a backtest of one series) looks nothing up. */
    private Market market(String symbol) {
        if (symbol.equals(lastMarketSymbol)) {
            return lastMarket;
        }
        Market market = markets.computeIfAbsent(symbol, s -> new Market());
        lastMarketSymbol = symbol;
        lastMarket = market;
        return market;
    }

    /** Puts {@code w} among the working orders (a new one last, a changed one in its place), overall and for its symbol. */
    private void keep(WorkingOrder w) {
        working.put(w.orderId(), w);
        market(w.symbol()).working.put(w.orderId(), w);
    }

    /** Takes {@code w} off the working orders, overall and for its symbol. */
    private void drop(WorkingOrder w) {
        working.remove(w.orderId());
        market(w.symbol()).working.remove(w.orderId());
    }

    private WorkingOrder requireWorking(String orderId, String action) throws BrokerException {
        WorkingOrder w = working.get(orderId);
        if (w != null) {
            return w;
        }
        Finished done = finished.get(orderId);
        if (done != null) {
            throw new BrokerException("cannot " + action + " order " + orderId + ": it is already " + done.outcome()
                    + " at the paper broker", false);
        }
        throw new BrokerException("cannot " + action + " order " + orderId + ": the paper broker has no such order", false);
    }

    private void openAccount(String account, Instrument instrument) throws BrokerException {
        PaperAccount a = accounts.computeIfAbsent(account, x -> new PaperAccount(instrument.currency()));
        if (a.currency() != instrument.currency()) {
            throw new BrokerException("account " + account + " holds " + a.currency() + " at the paper broker and cannot trade "
                    + instrument.symbol() + " in " + instrument.currency(), false);
        }
    }
}
