package io.tradebook.core.execution;

import io.tradebook.core.events.EventSink;
import io.tradebook.core.execution.paper.CommissionModel;
import io.tradebook.core.execution.paper.PaperBroker;
import io.tradebook.core.execution.paper.SlippageModel;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.core.marketdata.ManualPriceFeed;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.risk.RiskEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The order path wired for paper trading: a manual price feed drives the paper broker, the
 * execution engine checks orders against rule-based risk and buying power (with the broker's own
 * commission model as the fee estimate), and the store keeps orders and books. The same wiring
 * serves tests, the order benchmark and the server; only the store differs (memory or database).
 */
public final class PaperTrading {
    private final ManualPriceFeed feed = new ManualPriceFeed();
    private final RiskEngine rules = new RiskEngine();
    private final PaperBroker broker;
    private final ExecutionEngine engine;
    private final RuleBasedRisk risk;
    private final ExecutionStore store;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public PaperTrading(ExecutionStore store, AccountDirectory accounts, InstrumentSource instruments, SlippageModel slippage,
                        CommissionModel commission, EventSink events, Clock clock, Supplier<String> ids, RetryPolicy retry) {
        this(store, accounts, instruments, slippage, commission, events, clock, ids, retry, "");
    }

    /**
     * As the other constructor, with a paper broker whose order and trade ids carry
     * {@code brokerIdTag}: each server process that books into one database needs its own.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public PaperTrading(ExecutionStore store, AccountDirectory accounts, InstrumentSource instruments, SlippageModel slippage,
                        CommissionModel commission, EventSink events, Clock clock, Supplier<String> ids, RetryPolicy retry,
                        String brokerIdTag) {
        this.store = store;
        this.broker = new PaperBroker(instruments, slippage, commission, PaperBroker.Config.defaults().withClock(clock), brokerIdTag);
        feed.subscribe(broker);
        this.risk = new RuleBasedRisk(rules, store.books(), feed::latest, accounts, clock, store::placedSince);
        FeeEstimate fees = (request, price) -> commission.commission(Quantity.ZERO, request.quantity(), price);
        this.engine = new ExecutionEngine(store, broker, instruments, accounts, feed::latest, risk, events, clock, ids,
                new ExecutionEngine.Settings(new BigDecimal("500"), fees, retry, Sleeper.SYSTEM));
    }

    /**
     * Pays {@code amount} into the account: in the books and at the paper broker, which keeps its
     * own cash like a real one. Returns false, changing nothing, when the books already have {@code reference}.
     */
    public boolean fund(String account, Money amount, Instant time, String reference) {
        if (store.books().deposit(account, amount, time, reference)) {
            broker.fund(account, amount);
            return true;
        }
        return false;
    }

    /**
     * Takes {@code amount} out of the account: in the books and at the paper broker. Returns false,
     * changing nothing, when the books already have {@code reference}.
     */
    public boolean withdraw(String account, Money amount, Instant time, String reference) {
        if (!store.books().withdraw(account, amount, time, reference)) {
            return false;
        }
        try {
            broker.withdraw(account, amount);
        } catch (IllegalArgumentException unseen) {
            // the paper broker keeps nothing across a restart: an account it has not seen since holds no cash there
        }
        return true;
    }

    public ManualPriceFeed feed() {
        return feed;
    }

    public PaperBroker broker() {
        return broker;
    }

    public ExecutionEngine engine() {
        return engine;
    }

    public RiskEngine rules() {
        return rules;
    }

    public RuleBasedRisk risk() {
        return risk;
    }

    public ExecutionStore store() {
        return store;
    }
}
