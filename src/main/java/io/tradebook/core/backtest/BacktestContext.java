package io.tradebook.core.backtest;

import io.tradebook.core.execution.ExecutionEngine;
import io.tradebook.core.indicators.Indicator;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.StrategyContext;
import io.tradebook.core.strategies.StrategyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One strategy's view of a run ({@link StrategyContext}): its figures come from the run's books and
 * equity tracker, its orders go to the run's execution engine under its name. Mutable only through
 * the run; used from the run's thread.
 */
final class BacktestContext implements StrategyContext {
    private final BacktestRun run;
    private final int index;
    private final String name;
    private final Parameters parameters;
    private final List<String> symbols;

    BacktestContext(BacktestRun run, int index, StrategyInstance strategy, List<String> symbols) {
        this.run = run;
        this.index = index;
        this.name = strategy.name();
        this.parameters = strategy.parameters();
        this.symbols = List.copyOf(symbols);
    }

    @Override
    public String strategy() {
        return name;
    }

    @Override
    public String account() {
        return BacktestRun.ACCOUNT;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public Instant time() {
        return run.clock().instant();
    }

    @Override
    public Instrument instrument(String symbol) {
        return run.instrument(requireTraded(symbol));
    }

    @Override
    public <T extends Indicator> T track(String symbol, T indicator) {
        Objects.requireNonNull(indicator, "indicator");
        run.track(requireTraded(symbol), indicator);
        return indicator;
    }

    @Override
    public Quantity position(String symbol) {
        return run.books().position(BacktestRun.ACCOUNT, name, requireTraded(symbol));
    }

    @Override
    public Money cash() {
        return run.books().cashAvailable(BacktestRun.ACCOUNT, name);
    }

    @Override
    public Money equity() {
        return run.tracker().strategyEquity(index);
    }

    @Override
    public Optional<Price> lastPrice(String symbol) {
        return run.lastPrice(requireTraded(symbol));
    }

    @Override
    public List<Order> openOrders(String symbol) {
        requireTraded(symbol);
        List<Order> mine = new ArrayList<>();
        for (Order o : engine().openOrders(BacktestRun.ACCOUNT)) {
            if (o.strategy().equals(name) && o.symbol().equals(symbol)) {
                mine.add(o);
            }
        }
        return mine;
    }

    @Override
    public Order submit(StrategyOrder o) {
        requireTraded(o.symbol());
        return engine().submit(new OrderRequest(BacktestRun.ACCOUNT, name, null, o.symbol(), o.side(), o.type(), o.timeInForce(),
                o.quantity(), o.limitPrice(), o.stopPrice(), o.confidence()));
    }

    @Override
    public Order cancel(String orderId) {
        Order order = engine().find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (!order.strategy().equals(name)) {
            throw new IllegalArgumentException("order " + orderId + " is not an order of strategy " + name);
        }
        return engine().cancel(orderId);
    }

    private ExecutionEngine engine() {
        return run.engine();
    }

    private String requireTraded(String symbol) {
        if (!symbols.contains(symbol)) {
            throw new IllegalArgumentException("strategy " + name + " does not trade " + symbol + "; it trades " + symbols);
        }
        return symbol;
    }
}
