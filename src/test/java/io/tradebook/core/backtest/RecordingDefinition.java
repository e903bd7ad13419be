package io.tradebook.core.backtest;

import io.tradebook.core.books.Fill;
import io.tradebook.core.indicators.Indicator;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.PriceBar;
import io.tradebook.core.strategies.Strategy;
import io.tradebook.core.strategies.StrategyContext;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.core.strategies.StrategyMetadata;
import io.tradebook.core.strategies.StrategyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A built-in strategy run unchanged, with every order it submits recorded as the order path
 * returned it (so a test can read the order's confidence) and the time of the bar that decided it.
 */
final class RecordingDefinition implements StrategyDefinition {
    /** An order as submitted, and the start of the bar at whose close it was decided. */
    record Submitted(Instant decidedAt, Order order) {
    }

    final List<Submitted> submitted = new ArrayList<>();
    private final StrategyDefinition inner;

    RecordingDefinition(StrategyDefinition inner) {
        this.inner = inner;
    }

    @Override
    public StrategyMetadata metadata() {
        return inner.metadata();
    }

    @Override
    public Optional<String> check(Parameters parameters) {
        return inner.check(parameters);
    }

    @Override
    public Strategy create(Parameters parameters) {
        Strategy strategy = inner.create(parameters);
        return new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                strategy.onStart(new Recording(context));
            }

            @Override
            public void onBar(StrategyContext context, PriceBar bar) {
                strategy.onBar(new Recording(context), bar);
            }

            @Override
            public void onFill(StrategyContext context, Fill fill) {
                strategy.onFill(new Recording(context), fill);
            }

            @Override
            public void onStop(StrategyContext context) {
                strategy.onStop(new Recording(context));
            }
        };
    }

    /** A context passing everything through and recording what {@link #submit} returns. */
    private final class Recording implements StrategyContext {
        private final StrategyContext context;

        Recording(StrategyContext context) {
            this.context = context;
        }

        @Override
        public Order submit(StrategyOrder order) {
            Order placed = context.submit(order);
            submitted.add(new Submitted(context.time(), placed));
            return placed;
        }

        @Override
        public String strategy() {
            return context.strategy();
        }

        @Override
        public String account() {
            return context.account();
        }

        @Override
        public Parameters parameters() {
            return context.parameters();
        }

        @Override
        public List<String> symbols() {
            return context.symbols();
        }

        @Override
        public Instant time() {
            return context.time();
        }

        @Override
        public Instrument instrument(String symbol) {
            return context.instrument(symbol);
        }

        @Override
        public <T extends Indicator> T track(String symbol, T indicator) {
            return context.track(symbol, indicator);
        }

        @Override
        public Quantity position(String symbol) {
            return context.position(symbol);
        }

        @Override
        public Money cash() {
            return context.cash();
        }

        @Override
        public Money equity() {
            return context.equity();
        }

        @Override
        public Optional<Price> lastPrice(String symbol) {
            return context.lastPrice(symbol);
        }

        @Override
        public List<Order> openOrders(String symbol) {
            return context.openOrders(symbol);
        }

        @Override
        public Order cancel(String orderId) {
            return context.cancel(orderId);
        }
    }
}
