package io.tradebook.trading;

import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.execution.PaperTrading;
import io.tradebook.core.execution.RetryPolicy;
import io.tradebook.core.execution.paper.BasisPointsCommission;
import io.tradebook.core.execution.paper.BasisPointsSlippage;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.Database;
import io.tradebook.store.GroupCommitExecutionStore;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.MarketQuoteRepository;
import io.tradebook.store.RiskRuleRepository;
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.TradingNode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The server's one order path, wired in one place: a {@link PaperTrading} (execution engine,
 * paper broker, rule-based risk, manual price feed) over the database through the group-commit
 * store, with the account and security caches that keep a submit to the store's own writes, the
 * event sink that stores notifications and publishes them live, and the services that the HTTP
 * routes (or anything else in the process) call: {@link #orders()}, {@link #accounts()},
 * {@link #riskRules()}, {@link #prices()}, {@link #securities()}. It holds no HTTP types.
 *
 * <p>On start it puts the risk rules in force back into the risk engine, the latest prices back
 * into the feed, and the orders still working back into the paper broker (which keeps nothing
 * across a restart). Several server processes may share the database, each as its own node (see
 * {@link TradingNode} and docs/architecture.md, "Several processes"): writes of one account are
 * serialised in the database, each node works only the orders it placed, and prices pushed to one
 * reach the others' feeds. Thread-safe. Closing it writes what is pending and stops the
 * writers; it does not close the database.
 */
public final class TradingService implements AutoCloseable {
    private final PaperTrading paper;
    private final GroupCommitExecutionStore store;
    private final AccountCache accounts;
    private final SecurityCache securities;
    private final OrderService orders;
    private final AccountService accountService;
    private final RiskRuleService riskRules;
    private final PriceService prices;
    private final SecurityService securityService;
    private final NotificationWriter notifications;
    private final AccountRepository accountRepository;
    private final TradingNode node;
    private final PublishingStore publishing;
    private final Database database;
    private final LiveEvents live;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile LiveStrategies strategies;

    private TradingService(Database database, TradingNode node, TradingSettings settings, LiveEvents live, AuditTrail audit, Clock clock) {
        var jdbi = database.jdbi();
        this.node = node;
        this.audit = audit;
        this.store = new GroupCommitExecutionStore(jdbi, settings.writers(), 1000, node.name());
        this.accountRepository = new AccountRepository(jdbi);
        this.accounts = new AccountCache(accountRepository);
        this.securities = new SecurityCache(new SecurityRepository(jdbi));
        RiskRuleRepository ruleRepository = new RiskRuleRepository(jdbi);
        OrderIds ids = new OrderIds();
        JdbiEventSink events = new JdbiEventSink(jdbi, clock);
        this.notifications = new NotificationWriter(events, live);
        this.database = database;
        this.live = live;
        this.clock = clock;
        this.publishing = new PublishingStore(store, live, accounts);
        this.paper = new PaperTrading(publishing, accounts, securities,
                new BasisPointsSlippage(settings.slippageBps()), new BasisPointsCommission(settings.commissionBps()),
                new LiveEventSink(events, ruleRepository, notifications, accounts), clock, ids, RetryPolicy.none(),
                node.brokerIdTag());
        OrderWorkers workers = new OrderWorkers() {
            @Override
            public String elsewhere(UUID id) {
                return node.placedBy(id).filter(n -> !n.equals(node.name())).orElse(null);
            }

            @Override
            public void cancelThere(UUID id) {
                node.signalCancel(id);
            }
        };
        this.orders = new OrderService(paper.engine(), accounts, securities, ids, this::freshen, workers);
        this.accountService = new AccountService(accountRepository, paper, accounts, audit, clock, this::freshen, workers);
        this.riskRules = new RiskRuleService(ruleRepository, paper.rules(), accounts, audit, node::signalRule);
        this.prices = new PriceService(paper.feed(), securities, new MarketQuoteRepository(jdbi), live, clock, node);
        this.securityService = new SecurityService(new SecurityRepository(jdbi), securities, audit);
    }

    /**
     * Starts the order path on {@code database} (migrated) as node {@code settings.node()}: takes
     * the node's lease (refused while another process runs as that node), then loads the rules,
     * the prices and the working orders this node placed, as the database holds them, and listens
     * for the other nodes' prices and changes.
     *
     * @throws TradingNode.NodeInUseException if a running process holds the node's name
     */
    public static TradingService start(Database database, TradingSettings settings, LiveEvents live, AuditTrail audit, Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(settings, "settings");
        TradingNode node = TradingNode.join(database, settings.node(), Objects.requireNonNull(clock, "clock"));
        TradingService service;
        try {
            service = new TradingService(database, node, settings, Objects.requireNonNull(live, "live"),
                    Objects.requireNonNull(audit, "audit"), clock);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        try {
            service.riskRules.load();
            service.prices.restore();
            int adopted = node.adoptOrphanedOrders();
            if (adopted > 0) {
                audit.record(LogLevel.INFO, "execution", "working orders placed before nodes existed are now worked by this node", null,
                        Map.of("node", node.name(), "orders", String.valueOf(adopted)));
            }
            // listen before resuming, so that no price pushed elsewhere meanwhile is missed
            node.listen(service.new Signals());
            service.prices.resync();
            service.resumeWorkingOrders(audit);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** What the other nodes signal: a price to take into the feed, an account or a security to read again. */
    private final class Signals implements TradingNode.Signals {
        @Override
        public void price(String ticker) {
            prices.pulled(ticker);
        }

        @Override
        public void account(UUID id) {
            accounts.refresh(id);
        }

        @Override
        public void security(String ticker) {
            securities.forget(ticker);
        }

        @Override
        public void rule(UUID id) {
            riskRules.pulled(id);
        }

        @Override
        public void cancel(UUID id) {
            String key = id.toString();
            paper.engine().find(key).ifPresent(order -> {
                freshen(order.account());
                if (!node.name().equals(node.placedBy(id).orElse(null))) {
                    return; // another node's
                }
                try {
                    paper.engine().cancel(key);
                } catch (RuntimeException e) {
                    audit.record(LogLevel.WARNING, "execution", "an order could not be cancelled for another node", null,
                            Map.of("orderId", key, "reason", String.valueOf(e.getMessage())));
                }
            });
        }

        @Override
        public void live(UUID id) {
            LiveStrategies s = strategies;
            if (s != null) {
                s.pulled(id);
            }
        }

        @Override
        public void resync() {
            accounts.clear();
            securities.clear();
            riskRules.resync();
            prices.resync();
            LiveStrategies s = strategies;
            if (s != null) {
                s.resync();
            }
        }
    }

    /**
     * Gives the paper broker the orders that were working when this node stopped: those it placed
     * (or adopted), never another node's. One the broker refuses (its security deactivated
     * meanwhile) stays as stored, with an error in the system log.
     */
    private void resumeWorkingOrders(AuditTrail audit) {
        for (Map.Entry<UUID, Set<UUID>> working : node.workingOrders().entrySet()) {
            for (Order o : store.openOrders(working.getKey().toString())) {
                if (o.status() != OrderStatus.PLACED && o.status() != OrderStatus.PARTIALLY_FILLED
                        || !working.getValue().contains(UUID.fromString(o.id()))) {
                    continue; // never reached the broker, or another node's
                }
                try {
                    paper.broker().submit(o);
                } catch (BrokerException e) {
                    audit.record(LogLevel.ERROR, "execution", "a working order could not be given back to the paper broker", null,
                            Map.of("orderId", o.id(), "account", o.account(), "reason", e.getMessage()));
                }
            }
        }
    }

    public OrderService orders() {
        return orders;
    }

    public AccountService accounts() {
        return accountService;
    }

    public RiskRuleService riskRules() {
        return riskRules;
    }

    public PriceService prices() {
        return prices;
    }

    public SecurityService securities() {
        return securityService;
    }

    /** The order path itself (engine, broker, feed, risk engine), for what runs in the same process, such as live strategies. */
    public PaperTrading paper() {
        return paper;
    }

    /**
     * Starts the live strategies with {@code catalog} (once): the runners of the ACTIVE and PAUSED
     * activations and the RUNNING replays resume. Returns them.
     */
    public synchronized LiveStrategies startStrategies(io.tradebook.core.strategies.StrategyCatalog catalog) {
        if (strategies == null) {
            LiveStrategies s = new LiveStrategies(database, node, paper, accounts, securities, catalog, live, audit, clock);
            publishing.onFills(s::filled);
            s.resume();
            strategies = s;
        }
        return strategies;
    }

    /** The live strategies; refuses before {@link #startStrategies}. */
    public LiveStrategies strategies() {
        LiveStrategies s = strategies;
        if (s == null) {
            throw new IllegalStateException("the live strategies are not started");
        }
        return s;
    }

    /**
     * Call after changing an account's strategies (activating, pausing, allocating) outside this
     * service: the order path reads them again, here and in the other server processes.
     */
    public void refreshAccount(UUID accountId) {
        accounts.refresh(accountId);
        node.signalAccount(accountId);
    }

    /** Call after changing the security master: the order path reads the symbol's trading rules again, here and in the other processes. */
    public void refreshSecurity(String ticker) {
        securities.forget(ticker);
        node.signalSecurity(ticker);
    }

    /**
     * Before user {@code userId} is deleted: closes each of their accounts (working orders
     * cancelled, the account deactivated, so nothing new is accepted for it) and waits until every
     * write pending for the order path is in the database, so that the deletion's cascades take all
     * of it and no late write refers to a row that is gone. Afterwards the caches forget the accounts
     * and their live strategies stop running, in whichever node runs them.
     */
    public void retireUser(UUID userId) {
        java.util.List<UUID> ids = accountRepository.listDetails(userId).stream().map(AccountRepository.Details::id).toList();
        for (UUID id : ids) {
            accountService.close(userId, id);
        }
        store.awaitWrites();
        LiveStrategies running = strategies;
        for (UUID id : ids) {
            refreshAccount(id);
            if (running != null) {
                running.retire(id);
            }
        }
    }

    /**
     * Makes the order path's view of the account (books, open orders) the database's, when another
     * process has changed the account since this one last wrote or read it: one indexed query.
     * Reads call it; writes need not (a write computed from a stale state is refused and retried).
     */
    void freshen(String account) {
        if (store.refreshIfChanged(account)) {
            paper.engine().reload(account);
        }
    }

    /** This process's node name. */
    public String node() {
        return node.name();
    }

    /** Writes the pending orders, books and notifications, stops the writers and gives up the node's lease. */
    @Override
    public void close() {
        LiveStrategies s = strategies;
        if (s != null) {
            s.close();
        }
        try {
            store.close();
        } finally {
            try {
                notifications.close();
            } finally {
                node.close();
            }
        }
    }
}
