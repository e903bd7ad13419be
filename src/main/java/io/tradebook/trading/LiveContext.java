package io.tradebook.trading;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.strategies.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a live strategy sees: the same {@link io.tradebook.core.strategies.StrategyContext} as in a backtest, over the server's books and order path. */
final class LiveContext implements io.tradebook.core.strategies.StrategyContext {
    private final LiveStrategies owner;
    private final LiveRunner runner;
    private final Parameters parameters;

    LiveContext(LiveStrategies owner, LiveRunner runner, Parameters parameters) {
        this.owner = owner;
        this.runner = runner;
        this.parameters = parameters;
    }

    @Override
    public String strategy() {
        return runner.activation.name();
    }

    @Override
    public String account() {
        return runner.account;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public List<String> symbols() {
        return runner.symbols;
    }

    @Override
    public Instant time() {
        return runner.time;
    }

    @Override
    public io.tradebook.core.instruments.Instrument instrument(String symbol) {
        return owner.securities.find(traded(symbol)).orElseThrow(() -> new IllegalArgumentException("no active security " + symbol));
    }

    @Override
    public <T extends io.tradebook.core.indicators.Indicator> T track(String symbol, T indicator) {
        Objects.requireNonNull(indicator, "indicator");
        runner.tracked.computeIfAbsent(traded(symbol), k -> new ArrayList<>()).add(indicator);
        return indicator;
    }

    @Override
    public Quantity position(String symbol) {
        return owner.paper.store().books().position(runner.account, strategy(), traded(symbol));
    }

    @Override
    public Money cash() {
        return owner.paper.store().books().cashAvailable(runner.account, strategy());
    }

    @Override
    public Money equity() {
        return owner.equity(runner.account, strategy(), cash());
    }

    @Override
    public Optional<Price> lastPrice(String symbol) {
        Price close = runner.lastClose.get(traded(symbol));
        return close != null ? Optional.of(close) : owner.paper.feed().latest(symbol);
    }

    @Override
    public List<Order> openOrders(String symbol) {
        traded(symbol);
        List<Order> mine = new ArrayList<>();
        for (Order o : owner.paper.engine().openOrders(runner.account)) {
            if (o.strategy().equals(strategy()) && o.symbol().equals(symbol)) {
                mine.add(o);
            }
        }
        return mine;
    }

    @Override
    public Order submit(io.tradebook.core.strategies.StrategyOrder o) {
        traded(o.symbol());
        return owner.paper.engine().submit(new OrderRequest(runner.account, strategy(), null, o.symbol(), o.side(), o.type(), o.timeInForce(),
                o.quantity(), o.limitPrice(), o.stopPrice(), o.confidence()));
    }

    @Override
    public Order cancel(String orderId) {
        Order order = owner.paper.engine().find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (!order.strategy().equals(strategy()) || !order.account().equals(runner.account)) {
            throw new IllegalArgumentException("order " + orderId + " is not an order of strategy " + strategy());
        }
        return owner.paper.engine().cancel(orderId);
    }

    private String traded(String symbol) {
        if (!runner.symbols.contains(symbol)) {
            throw new IllegalArgumentException("strategy " + strategy() + " does not trade " + symbol + "; it trades " + runner.symbols);
        }
        return symbol;
    }
}
