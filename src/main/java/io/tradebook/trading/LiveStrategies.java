package io.tradebook.trading;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.execution.PaperTrading;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.LastPrice;
import io.tradebook.core.marketdata.MarketDataListener;
import io.tradebook.core.marketdata.Quote;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.core.books.Side;
import io.tradebook.core.strategies.ActivationCheck;
import io.tradebook.core.strategies.ActivationRefusal;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.security.FieldProblem;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.Database;
import io.tradebook.store.LiveStrategyStore;
import io.tradebook.store.LiveStrategyStore.LiveActivation;
import io.tradebook.store.LiveStrategyStore.Replay;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.StrategyActivations;
import io.tradebook.store.StrategyCatalogRepository;
import io.tradebook.store.TradingSessionRepository;
import io.tradebook.store.TradingSessionRepository.Session;
import io.tradebook.store.TradingNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategies running live (docs/strategies.md, "Live"): the catalog strategies activated on
 * accounts, their lifecycle (create, start, pause, stop, change) with trading sessions, the live
 * feed that drives them (replays of stored bars, and prices pushed to {@link PriceService}
 * aggregated into bars of each activation's timeframe), and the runners that call the strategies'
 * code ({@code core.strategies}) through {@link LiveContext} with the very order path the API uses
 * ({@link PaperTrading#engine()}), orders attributed to the activation.
 *
 * <p>Threads: every strategy runs on one worker thread ("tradebook-live-strategies"), as the
 * strategy SPI requires; the feed and the API hand it work. Replays run on a scheduler thread and
 * push their bars into the paper feed (so paper orders fill, from the next bar's open) before the
 * strategies see them, and push the next bar only once the strategies are done with this one (so
 * a strategy decides on every bar and its orders fill at the next bar's open, as in a backtest,
 * whatever the speed; a replay faster than the strategies runs at their pace). An ACTIVE activation's strategy gets {@code onBar}; a PAUSED one's
 * indicators keep being fed (it stays warmed up) but it gets no {@code onBar}, so it places no
 * order. On start, ACTIVE and PAUSED activations get their runners back and RUNNING replays carry
 * on after the last bar they pushed. Thread-safe.
 */
public final class LiveStrategies implements AutoCloseable, MarketDataListener {
    static final Logger LOG = LoggerFactory.getLogger(LiveStrategies.class);
    
    final PaperTrading paper;
    private final AccountCache accounts;
    final SecurityCache securities;
    private final LiveStrategyStore store;
    private final StrategyActivations activations;
    private final StrategyCatalogRepository catalogTable;
    private final TradingSessionRepository sessions;
    private final StrategyCatalog catalog;
    private final LiveEvents live;
    final AuditTrail audit;
    final Clock clock;
    private final io.tradebook.store.Database database;
    /** This process's node: it runs the activations and replays it created or took over, and signals the others' nodes. */
    private final TradingNode node;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "tradebook-live-strategies"));
    /** The runners, by activation id; touched on the worker thread only. */
    private final Map<UUID, LiveRunner> runners = new LinkedHashMap<>();
    private final Replays replayer;

    LiveStrategies(Database database, TradingNode node, PaperTrading paper, AccountCache accounts, SecurityCache securities,
                   StrategyCatalog catalog, LiveEvents live, AuditTrail audit, Clock clock) {
        var jdbi = database.jdbi();
        this.database = database;
        this.node = node;
        this.paper = paper;
        this.accounts = accounts;
        this.securities = securities;
        this.catalog = catalog;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.store = new LiveStrategyStore(jdbi);
        this.activations = new StrategyActivations(jdbi, catalog, clock);
        this.catalogTable = new StrategyCatalogRepository(jdbi);
        this.sessions = new TradingSessionRepository(jdbi);
        this.replayer = new Replays(this, store, new PriceHistoryRepository(jdbi), live, node);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Resumes what this node ran when it stopped: the runners of its ACTIVE and PAUSED
     * activations, then its RUNNING replays (first adopting those no node runs, made before nodes
     * ran them). Another node's stay with it.
     */
    void resume() {
        paper.feed().subscribe(this);
        int adopted = store.adoptOrphans(node.name());
        if (adopted > 0) {
            audit.record(LogLevel.INFO, "strategies", "live strategies and replays that no node ran are now run by this node", null,
                    Map.of("node", node.name(), "adopted", String.valueOf(adopted)));
        }
        onWorker(() -> {
            for (LiveActivation a : store.running(node.name())) {
                startRunner(a);
            }
            return null;
        });
        for (Replay r : store.runningReplays(node.name())) {
            try {
                replayer.launch(r);
            } catch (RuntimeException e) {
                LOG.warn("replay {} could not resume: {}", r.id(), e.getMessage());
                store.finishReplay(r.id(), "CANCELLED");
            }
        }
    }

    // ---- catalog ------------------------------------------------------------------------------

    /** A catalog strategy as the API lists it: the loaded definition and its row's minimum capital. Immutable. */
    public record CatalogEntry(StrategyDefinition definition, BigDecimal minCapital) {
    }

    /** The strategies that can be activated: loaded here and switched on in the catalog table, by code. */
    public List<CatalogEntry> catalog() {
        List<CatalogEntry> out = new ArrayList<>();
        for (StrategyCatalog.Entry e : catalog.entries()) {
            catalogTable.stored(e.metadata().code()).filter(StrategyCatalogRepository.StoredStrategy::active)
                    .ifPresent(s -> out.add(new CatalogEntry(e.definition(), s.minCapital())));
        }
        out.sort(java.util.Comparator.comparing(c -> c.definition().metadata().code()));
        return out;
    }

    public Optional<CatalogEntry> catalogEntry(String code) {
        return catalog().stream().filter(c -> c.definition().metadata().code().equals(code)).findFirst();
    }

    // ---- activations --------------------------------------------------------------------------

    /** An activation and its current figures (null when they cannot be read). Immutable. */
    public record ActivationState(LiveActivation activation, List<String> symbols, String timeframe, BigDecimal cash, BigDecimal equity) {
    }

    /** What is asked to activate. Null fields take their defaults. Immutable. */
    public record NewActivation(String strategy, String name, BigDecimal allocation, Map<String, String> parameters, List<String> symbols,
                                String timeframe, Boolean start) {
    }

    public List<ActivationState> list(UUID accountId) {
        return store.list(accountId).stream().map(this::state).toList();
    }

    public Optional<ActivationState> find(UUID accountId, UUID id) {
        return store.find(accountId, id).map(this::state);
    }

    /** Activates a catalog strategy on the account; refuses naming the field (strategy, name, parameters.X, allocation, symbols, timeframe). */
    public Outcome<ActivationState> create(UUID accountId, NewActivation n) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = n.strategy() == null ? null : n.strategy().strip();
        if (code == null || code.isEmpty()) {
            problems.add(new FieldProblem("strategy", "is required: a strategy code from GET /api/strategies"));
        } else if (code.equals(StrategyCatalogRepository.MANUAL)) {
            problems.add(new FieldProblem("strategy", "manual is the book of manual orders, not a strategy that runs"));
        }
        StrategyDefinition definition = code == null ? null : catalog.find(code).map(StrategyCatalog.Entry::definition).orElse(null);
        if (code != null && !code.isEmpty() && definition == null && problems.isEmpty()) {
            problems.add(new FieldProblem("strategy", "no strategy '" + code + "' in the catalog (" + catalog.codes() + ")"));
        }
        List<String> symbols = checkSymbols(n.symbols(), definition, problems);
        String timeframe = checkTimeframe(n.timeframe(), problems);
        Map<String, String> parameters = n.parameters() == null ? Map.of() : n.parameters();
        if (n.allocation() != null && n.allocation().signum() <= 0) {
            problems.add(new FieldProblem("allocation", "must be a positive amount"));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        // the capital checks with the allocation, then the activation on the shared pool and the allocation through the order path
        if (n.allocation() != null) {
            Optional<Refusal> capital = allocationProblem(accountId, code, n.allocation(), null);
            if (capital.isPresent()) {
                return Outcome.refused(capital.get());
            }
        }
        StrategyActivations.Outcome done = activations.activate(new StrategyActivations.Request(accountId, n.name(), code, null, parameters));
        if (!done.succeeded()) {
            return Outcome.refused(refusal(done.refusal()));
        }
        UUID id = done.activation().id();
        store.setMarket(id, symbols, timeframe);
        store.runBy(id, node.name());
        accounts.refresh(accountId);
        if (n.allocation() != null) {
            paper.store().books().allocate(accountId.toString(), done.activation().name(), Money.of(n.allocation(), currency(accountId)),
                    clock.instant());
            accounts.refresh(accountId);
        }
        if (Boolean.FALSE.equals(n.start())) {
            activations.changeStatus(accountId, done.activation().name(), "PAUSED");
            accounts.refresh(accountId);
        } else {
            openSession(accountId, id);
        }
        restartRunner(id);
        return Outcome.ok(find(accountId, id).orElseThrow());
    }

    /** Starts (resumes) a paused activation, opening a trading session; an ACTIVE one is returned as it is. */
    public Outcome<ActivationState> start(UUID accountId, UUID id) {
        return transition(accountId, id, "ACTIVE", false);
    }

    /** Pauses an activation: its strategy places no new orders; its working orders, positions and session stay. */
    public Outcome<ActivationState> pause(UUID accountId, UUID id) {
        return transition(accountId, id, "PAUSED", false);
    }

    /**
     * Stops an activation for good and closes its session. With {@code closePositions} its open
     * positions are first closed with market orders through the order path (they fill at the
     * next price or bar); without, nothing is sold or bought.
     */
    public Outcome<ActivationState> stop(UUID accountId, UUID id, boolean closePositions) {
        return transition(accountId, id, "STOPPED", closePositions);
    }

    private Outcome<ActivationState> transition(UUID accountId, UUID id, String status, boolean closePositions) {
        Optional<LiveActivation> found = store.find(accountId, id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no strategy activation " + id));
        }
        LiveActivation a = found.get();
        if (a.manual()) {
            return Outcome.refused(Refusal.conflict("status", "the manual book has no strategy to start, pause or stop"));
        }
        if (status.equals("STOPPED") && closePositions && !a.status().equals("STOPPED")) {
            onWorker(() -> {
                LiveRunner r = runners.get(id);
                if (r != null) {
                    r.active = false; // no new orders while it goes flat
                }
                return null;
            });
            flatten(a);
        }
        StrategyActivations.Outcome done = activations.changeStatus(accountId, a.name(), status);
        if (!done.succeeded()) {
            return Outcome.refused(refusal(done.refusal()));
        }
        accounts.refresh(accountId);
        if (!a.status().equals(status)) {
            if (status.equals("ACTIVE")) {
                openSession(accountId, id);
            } else if (status.equals("STOPPED")) {
                closeSessionsOf(accountId, id);
            }
            changed(id);
        }
        return Outcome.ok(find(accountId, id).orElseThrow());
    }

    /** Changes an activation's allocation (an amount; more moves cash from the shared pool, less gives it back) and/or parameters. */
    public Outcome<ActivationState> change(UUID accountId, UUID id, BigDecimal allocation, Map<String, String> parameters) {
        Optional<LiveActivation> found = store.find(accountId, id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no strategy activation " + id));
        }
        LiveActivation a = found.get();
        if (a.manual() || a.status().equals("STOPPED")) {
            return Outcome.refused(Refusal.conflict("status", a.manual() ? "the manual book has no parameters or allocation to change"
                    : "a stopped activation cannot change"));
        }
        Map<String, String> merged = null;
        if (parameters != null) {
            StrategyDefinition definition = catalog.find(a.strategy()).map(StrategyCatalog.Entry::definition).orElse(null);
            if (definition == null) {
                return Outcome.refused(Refusal.conflict("strategy", "strategy " + a.strategy() + " is not loaded here"));
            }
            merged = new LinkedHashMap<>(a.parameters());
            merged.putAll(parameters);
            Optional<ActivationRefusal> bad = ActivationCheck.parameters(definition, merged);
            if (bad.isPresent()) {
                return Outcome.refused(refusal(bad.get()));
            }
            merged = normalised(definition, merged);
        }
        if (allocation != null) {
            if (allocation.signum() <= 0) {
                return Outcome.refused(Refusal.invalid("allocation", "must be a positive amount"));
            }
            BigDecimal current = a.allocation() == null ? BigDecimal.ZERO : a.allocation();
            BigDecimal delta = allocation.subtract(current);
            Currency currency = currency(accountId);
            if (delta.signum() > 0) {
                Optional<Refusal> capital = allocationProblem(accountId, a.strategy(), allocation, delta);
                if (capital.isPresent()) {
                    return Outcome.refused(capital.get());
                }
                paper.store().books().allocate(accountId.toString(), a.name(), Money.of(delta, currency), clock.instant());
            } else if (delta.signum() < 0) {
                Optional<Refusal> capital = allocationProblem(accountId, a.strategy(), allocation, BigDecimal.ZERO);
                if (capital.isPresent()) {
                    return Outcome.refused(capital.get());
                }
                BigDecimal free = paper.store().books().cashAvailable(accountId.toString(), a.name()).amount();
                if (free.compareTo(delta.negate()) < 0) {
                    return Outcome.refused(Refusal.invalid("allocation", "the strategy's budget has only " + plain(free) + " " + currency
                            + " in cash; it cannot give back " + plain(delta.negate())));
                }
                paper.store().books().release(accountId.toString(), a.name(), Money.of(delta.negate(), currency), clock.instant());
            }
        }
        if (merged != null) {
            store.setParameters(id, merged);
        }
        accounts.refresh(accountId);
        if (merged != null) {
            changed(id);
        }
        return Outcome.ok(find(accountId, id).orElseThrow());
    }

    /** Why {@code allocation} (of which {@code fromPool} is new money, null: all of it) does not suit the strategy or the pool. */
    private Optional<Refusal> allocationProblem(UUID accountId, String code, BigDecimal allocation, BigDecimal fromPool) {
        Currency currency = currency(accountId);
        BigDecimal free = poolCash(accountId);
        BigDecimal wanted = fromPool == null ? allocation : fromPool;
        if (wanted.compareTo(free) > 0) {
            return Optional.of(Refusal.invalid("allocation", "an allocation of " + plain(allocation) + " " + currency + " needs "
                    + plain(wanted) + " " + currency + " from the account's shared pool, which has " + plain(free) + " " + currency + " free"));
        }
        Optional<BigDecimal> min = catalogTable.stored(code).map(StrategyCatalogRepository.StoredStrategy::minCapital);
        Optional<ActivationRefusal> below = ActivationCheck.capital(code, min.orElse(null), Money.of(allocation, currency),
                ActivationCheck.CapitalSource.ALLOCATION);
        return below.map(r -> Refusal.invalid("allocation", r.message()));
    }

    /** The account's shared pool: its cash less every budget, as the order path's books say. */
    private BigDecimal poolCash(UUID accountId) {
        return paper.store().books().cashAvailable(accountId.toString(), io.tradebook.store.AccountRepository.MANUAL_BOOK).amount();
    }

    private Currency currency(UUID accountId) {
        return accounts.account(accountId.toString()).orElseThrow(() -> new IllegalStateException("no account " + accountId)).currency();
    }

    private static List<String> checkSymbols(List<String> given, StrategyDefinition definition, List<FieldProblem> problems) {
        List<String> symbols = new ArrayList<>();
        if (given != null) {
            for (String s : given) {
                String t = s == null ? "" : s.strip();
                if (t.isEmpty() || t.length() > 50) {
                    problems.add(new FieldProblem("symbols", "a symbol is 1 to 50 characters"));
                    return List.of();
                }
                if (symbols.contains(t)) {
                    problems.add(new FieldProblem("symbols", t + " is listed twice"));
                    return List.of();
                }
                symbols.add(t);
            }
        }
        if (symbols.isEmpty() && definition != null && definition.metadata().symbols().isEmpty()) {
            problems.add(new FieldProblem("symbols", "is required: strategy " + definition.metadata().code() + " names no symbols of its own"));
        }
        if (symbols.size() > 50) {
            problems.add(new FieldProblem("symbols", "at most 50 symbols"));
        }
        return symbols;
    }

    private static String checkTimeframe(String given, List<FieldProblem> problems) {
        if (given == null) {
            return null;
        }
        try {
            return Timeframe.parse(given.strip()).code();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("timeframe", "is one of " + Timeframe.codes() + ", not '" + given + "'"));
            return null;
        }
    }

    private static Map<String, String> normalised(StrategyDefinition definition, Map<String, String> custom) {
        Map<String, String> all = definition.metadata().parameters(custom).asText();
        Map<String, String> out = new LinkedHashMap<>();
        for (ParameterSpec p : definition.metadata().parameters()) {
            if (custom.containsKey(p.name())) {
                out.put(p.name(), all.get(p.name()));
            }
        }
        return out;
    }

    /** A refusal of the activation store as an API refusal naming the field. */
    private static Refusal refusal(ActivationRefusal r) {
        String message = r.message();
        return switch (r.reason()) {
            case UNKNOWN_ACCOUNT, UNKNOWN_ACTIVATION -> Refusal.notFound(message);
            case UNKNOWN_STRATEGY, STRATEGY_NOT_LOADED, STRATEGY_INACTIVE -> Refusal.invalid("strategy", message);
            case BAD_NAME -> Refusal.invalid("name", message);
            case NAME_TAKEN -> Refusal.conflict("name", message);
            case BAD_PARAMETER -> Refusal.invalid(parameterField(message), message);
            case BAD_ALLOCATION, INSUFFICIENT_CASH -> Refusal.invalid("allocation", message);
            case BELOW_MIN_CAPITAL -> Refusal.invalid("allocation", message);
            case ILLEGAL_TRANSITION -> Refusal.conflict("status", message);
        };
    }

    /** {@code parameters.NAME} when the message names a parameter ({@code parameter 'NAME'}), else {@code parameters}. */
    private static String parameterField(String message) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("parameter '?([A-Za-z][A-Za-z0-9_]*)'?").matcher(message);
        return named.find() ? "parameters." + named.group(1) : "parameters";
    }

    private ActivationState state(LiveActivation a) {
        List<String> symbols = a.symbols();
        String timeframe = a.timeframe();
        Optional<StrategyDefinition> definition = catalog.find(a.strategy()).map(StrategyCatalog.Entry::definition);
        if (symbols.isEmpty() && definition.isPresent()) {
            symbols = definition.get().metadata().symbols();
        }
        if (timeframe == null && !a.manual()) {
            timeframe = definition.map(d -> d.metadata().timeframe()).map(Timeframe::code).orElse(Timeframe.D1.code());
        }
        BigDecimal cash = null;
        BigDecimal equity = null;
        try {
            Money c = paper.store().books().cashAvailable(a.accountId().toString(), a.name());
            cash = plain(c.amount());
            equity = plain(equity(a.accountId().toString(), a.name(), c).amount());
        } catch (RuntimeException e) {
            LOG.debug("no figures for activation {}: {}", a.id(), e.getMessage());
        }
        return new ActivationState(a, symbols, timeframe, cash, equity);
    }

    /** A strategy's equity: the cash it can draw on plus its positions at the latest prices (their cost where none is known). */
    Money equity(String account, String strategy, Money cash) {
        Money total = cash;
        for (AccountSnapshot.Position p : paper.store().books().snapshot(account).positions()) {
            if (p.strategy().equals(strategy) && p.side() != PositionSide.FLAT) {
                Optional<Price> mark = paper.feed().latest(p.symbol());
                total = total.plus(mark.isPresent() ? p.signedMarketValue(mark.get())
                        : (p.side() == PositionSide.SHORT ? p.costBasis().negate() : p.costBasis()));
            }
        }
        return total;
    }

    /** Closes the activation's open positions with market orders through the order path. */
    private void flatten(LiveActivation a) {
        String account = a.accountId().toString();
        for (Order open : paper.engine().openOrders(account)) {
            if (open.strategy().equals(a.name())) {
                try {
                    paper.engine().cancel(open.id());
                } catch (RuntimeException e) {
                    LOG.debug("could not cancel {}: {}", open.id(), e.getMessage());
                }
            }
        }
        for (AccountSnapshot.Position p : paper.store().books().snapshot(account).positions()) {
            if (p.strategy().equals(a.name()) && p.side() != PositionSide.FLAT && p.quantity().isPositive()) {
                Side side = p.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
                paper.engine().submit(new OrderRequest(account, a.name(), null, p.symbol(), side, OrderType.MARKET, TimeInForce.GTC,
                        p.quantity(), null, null, null));
            }
        }
    }

    // ---- sessions -----------------------------------------------------------------------------

    public List<Session> sessions(UUID accountId) {
        return sessions.list(accountId);
    }

    public Optional<Session> session(UUID accountId, UUID sessionId) {
        return sessions.find(sessionId).filter(s -> s.accountId().equals(accountId));
    }

    /** Opens a session of the account (or of one of its activations) with its capital now; one ACTIVE session per activation. */
    public Outcome<Session> openSession(UUID accountId, UUID activationId) {
        if (activationId != null) {
            Optional<LiveActivation> a = store.find(accountId, activationId);
            if (a.isEmpty()) {
                return Outcome.refused(Refusal.invalid("activationId", "is not a strategy activation of this account"));
            }
            Optional<Session> open = sessions.list(accountId).stream()
                    .filter(s -> activationId.equals(s.activationId()) && s.status().equals("ACTIVE")).findFirst();
            if (open.isPresent()) {
                return Outcome.ok(open.get());
            }
        }
        Session s = sessions.start(accountId, activationId, clock.instant(), capital(accountId, activationId));
        onWorker(() -> {
            LiveRunner r = activationId == null ? null : runners.get(activationId);
            if (r != null) {
                r.watch(s.id(), s.capitalAtStart());
            }
            return null;
        });
        return Outcome.ok(s);
    }

    /** Closes an ACTIVE session with its capital now, P&L, max drawdown (as measured by its runner) and fills since it opened. */
    public Outcome<Session> closeSession(UUID accountId, UUID sessionId) {
        Optional<Session> found = session(accountId, sessionId);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no trading session " + sessionId));
        }
        Session s = found.get();
        if (!s.status().equals("ACTIVE")) {
            return Outcome.refused(Refusal.conflict("status", "trading session " + sessionId + " is already " + s.status()));
        }
        paper.store().awaitWrites();
        BigDecimal end = capital(accountId, s.activationId());
        BigDecimal drawdown = onWorker(() -> {
            LiveRunner r = s.activationId() == null ? null : runners.get(s.activationId());
            return r == null || !sessionId.equals(r.sessionId) ? null : r.drawdown(end);
        });
        if (drawdown == null) {
            drawdown = s.capitalAtStart().signum() > 0 && end.compareTo(s.capitalAtStart()) < 0
                    ? s.capitalAtStart().subtract(end).divide(s.capitalAtStart(), 10, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    : BigDecimal.ZERO;
        }
        Instant now = clock.instant();
        Instant ended = now.isBefore(s.startedAt()) ? s.startedAt() : now;
        return Outcome.ok(sessions.complete(sessionId, ended, end, drawdown, fillsSince(accountId, s.activationId(), s.startedAt())));
    }

    private void closeSessionsOf(UUID accountId, UUID activationId) {
        for (Session s : sessions.list(accountId)) {
            if (activationId.equals(s.activationId()) && s.status().equals("ACTIVE")) {
                closeSession(accountId, s.id());
            }
        }
    }

    /** The capital of the activation (its equity) or of the account (its equity at the latest prices). */
    private BigDecimal capital(UUID accountId, UUID activationId) {
        String account = accountId.toString();
        if (activationId != null) {
            LiveActivation a = store.find(accountId, activationId).orElseThrow();
            return plain(equity(account, a.name(), paper.store().books().cashAvailable(account, a.name())).amount());
        }
        AccountSnapshot snapshot = paper.store().books().snapshot(account);
        Map<String, Price> marks = new HashMap<>();
        for (AccountSnapshot.Position p : snapshot.positions()) {
            if (p.side() != PositionSide.FLAT) {
                marks.put(p.symbol(), paper.feed().latest(p.symbol()).orElse(p.averagePrice()));
            }
        }
        return plain(snapshot.equity(marks).amount());
    }

    private int fillsSince(UUID accountId, UUID activationId, Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM fills WHERE account_id = :account "
                        + (activationId == null ? "" : "AND strategy_activation_id = :activation ") + "AND created_at >= :since")
                .bind("account", accountId).bindByType("activation", activationId, UUID.class)
                .bind("since", java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC)).mapTo(Integer.class).one());
    }

    // ---- runners ------------------------------------------------------------------------------

    /**
     * Activation {@code id} changed here: its runner starts again as stored, in the node that runs
     * it. That is this node when it runs it, or when no node does, or when the node that does is
     * not running (this node takes it over, holding that node's lease meanwhile); else that node
     * is signalled and restarts its runner.
     */
    private void changed(UUID id) {
        String runner = store.runner(id).orElse(null);
        String me = node.name();
        if (runner == null) {
            store.runBy(id, me);
        } else if (!runner.equals(me)) {
            if (!node.takeOver(runner, () -> store.runBy(id, me))) {
                node.signalLive(id);
                return;
            }
            audit.record(LogLevel.INFO, "strategies", "a live strategy of a node that is not running is now run by this node", null,
                    Map.of("activation", id.toString(), "from", runner, "node", me));
        }
        restartRunner(id);
    }

    /**
     * Another node signalled that activation or replay {@code id} changed: a runner of it here
     * starts again as stored, or stops when this node no longer runs it (or it is gone); a replay
     * here that is no longer RUNNING, or no longer this node's, stops.
     */
    void pulled(UUID id) {
        restartRunner(id);
        if (store.findReplay(id).filter(r -> !pushedHere(r)).isPresent()) {
            replayer.stopHere(id);
        }
    }

    /** True when this node is to push replay {@code r}'s bars: it is RUNNING and this node's. */
    private boolean pushedHere(Replay r) {
        return r.status().equals("RUNNING") && node.name().equals(r.runBy());
    }

    /**
     * Account {@code accountId} was closed (its user deleted): its strategies stop running, here
     * and in the node that runs them.
     */
    void retire(UUID accountId) {
        for (LiveActivation a : store.list(accountId)) {
            pulled(a.id());
            node.signalLive(a.id());
        }
    }

    /** True when a runner of {@code was} runs {@code now} as it is stored: same status, parameters and market. */
    private static boolean sameRun(LiveActivation now, LiveActivation was) {
        return now.status().equals(was.status()) && now.parameters().equals(was.parameters()) && now.symbols().equals(was.symbols())
                && java.util.Objects.equals(now.timeframe(), was.timeframe());
    }

    /** Signals may have been missed: every runner here is brought in line with what is stored. */
    void resync() {
        Map<UUID, LiveActivation> mine = new LinkedHashMap<>();
        for (LiveActivation a : store.running(node.name())) {
            mine.put(a.id(), a);
        }
        onWorker(() -> {
            for (UUID id : List.copyOf(runners.keySet())) {
                LiveActivation now = mine.get(id);
                if (now == null || !sameRun(now, runners.get(id).activation)) {
                    runners.remove(id).stop();
                }
            }
            for (LiveActivation a : mine.values()) {
                if (!runners.containsKey(a.id())) {
                    startRunner(a);
                }
            }
            return null;
        });
        for (Replay r : replayer.list()) {
            if (!pushedHere(r)) {
                replayer.stopHere(r.id());
            }
        }
    }

    /**
     * On the worker: drops the activation's runner here, if any, and starts a new one as stored
     * when this node runs it (ACTIVE or PAUSED, of an active account).
     */
    private void restartRunner(UUID id) {
        onWorker(() -> {
            LiveRunner old = runners.remove(id);
            if (old != null) {
                old.stop();
            }
            store.running(node.name(), id).ifPresent(this::startRunner);
            return null;
        });
    }

    /** On the worker: a runner for {@code a}; an activation whose strategy is not loaded is logged and skipped. */
    private void startRunner(LiveActivation a) {
        Optional<StrategyDefinition> definition = catalog.find(a.strategy()).map(StrategyCatalog.Entry::definition);
        if (definition.isEmpty()) {
            audit.record(LogLevel.WARNING, "strategies", "a live strategy's code is not loaded; it does not run", null,
                    Map.of("activation", a.id().toString(), "strategy", a.strategy()));
            return;
        }
        ActivationState s = state(a);
        try {
            Parameters parameters = Parameters.of(definition.get().metadata().parameters(), a.parameters());
            LiveRunner r = new LiveRunner(LiveStrategies.this, a, definition.get(), parameters, s.symbols(), Timeframe.parse(s.timeframe()));
            runners.put(a.id(), r);
            sessions.list(a.accountId()).stream().filter(x -> a.id().equals(x.activationId()) && x.status().equals("ACTIVE")).findFirst()
                    .ifPresent(x -> r.watch(x.id(), x.capitalAtStart()));
            r.start();
        } catch (RuntimeException e) {
            runners.remove(a.id());
            LOG.warn("live strategy {} ({}) could not start", a.name(), a.id(), e);
            audit.record(LogLevel.ERROR, "strategies", "a live strategy could not start", null,
                    Map.of("activation", a.id().toString(), "reason", String.valueOf(e.getMessage())));
        }
    }

    /** A bar of {@code timeframe} reached the feed (a replay): every runner trading its symbol at that timeframe sees it. */
    Future<?> bar(Bar bar, Timeframe timeframe) {
        return worker.submit(() -> {
            for (LiveRunner r : List.copyOf(runners.values())) {
                if (r.timeframe == timeframe && r.symbols.contains(bar.symbol())) {
                    r.safely(() -> r.bar(bar));
                }
            }
        });
    }

    /** A price pushed through {@link PriceService}: each runner trading the symbol aggregates it into a bar of its timeframe. */
    @Override
    public void onLastPrice(LastPrice price) {
        price(price.symbol(), price.price(), price.time());
    }

    @Override
    public void onQuote(Quote quote) {
        paper.feed().latest(quote.symbol()).ifPresent(p -> price(quote.symbol(), p, quote.time()));
    }

    /** Bars in the feed come from replays, which hand them over with their timeframe ({@link #bar}). */
    @Override
    public void onBar(Bar bar) {
    }

    private void price(String symbol, Price price, Instant time) {
        worker.execute(() -> {
            for (LiveRunner r : List.copyOf(runners.values())) {
                if (r.symbols.contains(symbol)) {
                    r.safely(() -> r.price(symbol, price, time));
                }
            }
        });
    }

    /** A fill the order path booked: its strategy's runner hears of it before its next bar. */
    void filled(Fill fill) {
        worker.execute(() -> {
            for (LiveRunner r : runners.values()) {
                if (r.account.equals(fill.account()) && r.activation.name().equals(fill.strategy())) {
                    r.safely(() -> r.strategy.onFill(r.context, fill));
                }
            }
        });
    }

    /** Runs {@code work} on the worker and waits for it (directly when already there). */
    private <T> T onWorker(Supplier<T> work) {
        if (Thread.currentThread().getName().equals("tradebook-live-strategies")) {
            return work.get();
        }
        Future<T> f = worker.submit(work::get);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the live strategies' thread is busy", e);
        }
    }

    /** The activations whose strategies run in this process (ACTIVE or PAUSED, this node's), in the order they started. */
    public List<UUID> runningHere() {
        return onWorker(() -> List.copyOf(runners.keySet()));
    }

    /** The replays this process pushes bars of. */
    public java.util.Set<UUID> replayingHere() {
        return replayer.here();
    }

    /** Waits until the worker has done everything handed to it so far (tests, and orderly closing). */
    public void drain() {
        onWorker(() -> null);
    }


    // ---- replays ------------------------------------------------------------------------------

    /** Starts replaying {@code symbol}'s stored bars of {@code timeframe} at {@code speed} bars per second; refuses naming the field. */
    public Outcome<Replay> startReplay(String symbol, String timeframe, BigDecimal speed, Instant from, Instant to, UUID by) {
        return replayer.start(symbol, timeframe, speed, from, to, by);
    }

    public List<Replay> replays() {
        return replayer.list();
    }

    public Optional<Replay> replay(UUID id) {
        return replayer.find(id);
    }

    /** Cancels a replay; false when there is no such replay (a finished one stays as it is). */
    public boolean cancelReplay(UUID id) {
        return replayer.cancel(id);
    }

    /** Stops the replays and the runners (each strategy's {@code onStop}); what is stored stays as it is, to resume on the next start. */
    @Override
    public void close() {
        paper.feed().unsubscribe(this);
        replayer.close();
        try {
            worker.submit(() -> {
                runners.values().forEach(LiveRunner::stop);
                runners.clear();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("live strategies closed before their runners stopped: {}", e.toString());
        }
        worker.shutdownNow();
    }

    private static BigDecimal plain(BigDecimal v) {
        return v == null ? null : v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }
}
