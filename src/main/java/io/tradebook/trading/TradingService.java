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
import io.tradebook.store.OrderHistory;
import io.tradebook.store.RiskRuleRepository;
import io.tradebook.store.SecurityRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
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
 * across a restart). It must be the only writer of the orders and books of the database's
 * accounts (one server process). Thread-safe. Closing it writes what is pending and stops the
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
    private final PublishingStore publishing;
    private final Database database;
    private final LiveEvents live;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile LiveStrategies strategies;

    private TradingService(Database database, TradingSettings settings, LiveEvents live, AuditTrail audit, Clock clock) {
        var jdbi = database.jdbi();
        this.store = new GroupCommitExecutionStore(jdbi, settings.writers(), 1000);
        AccountRepository accountRepository = new AccountRepository(jdbi);
        this.accounts = new AccountCache(accountRepository);
        this.securities = new SecurityCache(new SecurityRepository(jdbi));
        RiskRuleRepository ruleRepository = new RiskRuleRepository(jdbi);
        OrderIds ids = new OrderIds();
        JdbiEventSink events = new JdbiEventSink(jdbi, clock);
        this.notifications = new NotificationWriter(events, live);
        this.database = database;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.publishing = new PublishingStore(store, live, accounts);
        this.paper = new PaperTrading(publishing, accounts, securities,
                new BasisPointsSlippage(settings.slippageBps()), new BasisPointsCommission(settings.commissionBps()),
                new LiveEventSink(events, ruleRepository, notifications, accounts), clock, ids, RetryPolicy.none());
        this.orders = new OrderService(paper.engine(), accounts, securities, ids);
        this.accountService = new AccountService(accountRepository, paper, accounts, audit, clock);
        this.riskRules = new RiskRuleService(ruleRepository, paper.rules(), accounts, audit);
        this.prices = new PriceService(paper.feed(), securities, new MarketQuoteRepository(jdbi), live, clock);
        this.securityService = new SecurityService(new SecurityRepository(jdbi), securities, audit);
    }

    /** Starts the order path on {@code database} (migrated): rules, prices and working orders as the database holds them. */
    public static TradingService start(Database database, TradingSettings settings, LiveEvents live, AuditTrail audit, Clock clock) {
        Objects.requireNonNull(database, "database");
        TradingService service = new TradingService(database, Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(live, "live"), Objects.requireNonNull(audit, "audit"), Objects.requireNonNull(clock, "clock"));
        try {
            service.riskRules.load();
            service.prices.restore();
            service.resumeWorkingOrders(new OrderHistory(database.jdbi()), audit);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /**
     * Gives the paper broker the orders that were working when the server stopped. One it refuses
     * (its security deactivated meanwhile) stays as stored, with an error in the system log.
     */
    private void resumeWorkingOrders(OrderHistory history, AuditTrail audit) {
        for (UUID account : history.accountsWithOpenOrders()) {
            for (Order o : store.openOrders(account.toString())) {
                if (o.status() != OrderStatus.PLACED && o.status() != OrderStatus.PARTIALLY_FILLED) {
                    continue; // never reached the broker
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
            LiveStrategies s = new LiveStrategies(database, paper, accounts, securities, catalog, live, audit, clock);
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

    /** Call after changing an account's strategies (activating, pausing, allocating) outside this service: the order path reads them again. */
    public void refreshAccount(UUID accountId) {
        accounts.refresh(accountId);
    }

    /** Call after changing the security master: the order path reads the symbol's trading rules again. */
    public void refreshSecurity(String ticker) {
        securities.forget(ticker);
    }

    /** Writes the pending orders, books and notifications and stops the writers. */
    @Override
    public void close() {
        LiveStrategies s = strategies;
        if (s != null) {
            s.close();
        }
        try {
            store.close();
        } finally {
            notifications.close();
        }
    }
}
