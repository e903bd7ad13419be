package io.tradebook.core.backtest;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.RiskLevel;
import io.tradebook.core.strategies.Strategy;
import io.tradebook.core.strategies.StrategyCategory;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.core.strategies.StrategyMetadata;
import io.tradebook.core.strategies.StrategyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A test strategy that trades at random (seeded): market, limit and stop orders, DAY and GTC,
 * buys and sells of random sizes (shorts too, where the account allows them), with a random
 * confidence; sometimes it cancels its open orders. For checking the books and the equity
 * recording on histories nobody would write by hand.
 */
final class RandomTrader implements StrategyDefinition {
    static final RandomTrader DEFINITION = new RandomTrader();

    @Override
    public StrategyMetadata metadata() {
        return StrategyMetadata.of("random-trader", "Random trader", "Trades at random, for tests.", StrategyCategory.OTHER, RiskLevel.HIGH,
                List.of(ParameterSpec.integer("seed", 1, 0, Long.MAX_VALUE, "random seed"),
                        ParameterSpec.integer("activity", 30, 0, 100, "percent of bars with an order")));
    }

    @Override
    public Strategy create(Parameters parameters) {
        SplittableRandom random = new SplittableRandom(parameters.decimal("seed").longValueExact());
        int activity = parameters.integer("activity");
        return (context, bar) -> {
            if (random.nextInt(100) >= activity) {
                return;
            }
            String symbol = bar.symbol();
            if (random.nextInt(10) == 0) {
                context.openOrders(symbol).forEach(o -> context.cancel(o.id()));
                return;
            }
            Quantity lot = context.instrument(symbol).lotSize();
            Quantity units = Quantity.of(lot.value().multiply(BigDecimal.valueOf(1 + random.nextInt(lot.value().signum() > 0
                    && lot.value().compareTo(BigDecimal.ONE) < 0 ? 5_000_000 : 20))));
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            Price close = bar.closePrice();
            BigDecimal tick = context.instrument(symbol).tickSize();
            StrategyOrder order = switch (random.nextInt(3)) {
                case 0 -> StrategyOrder.market(symbol, side, units);
                case 1 -> StrategyOrder.limit(symbol, side, units, offset(close, tick, side == Side.BUY ? -random.nextInt(30) : random.nextInt(30)));
                default -> StrategyOrder.stop(symbol, side, units, offset(close, tick, side == Side.BUY ? random.nextInt(30) : -random.nextInt(30)));
            };
            if (random.nextBoolean()) {
                order = order.withTimeInForce(TimeInForce.DAY);
            }
            if (random.nextBoolean()) {
                order = order.withConfidence(random.nextInt(10_001) / 10_000.0);
            }
            context.submit(order);
        };
    }

    /** {@code close} moved by {@code ticks} ticks, on the tick grid, at least one tick. */
    private static Price offset(Price close, BigDecimal tick, int ticks) {
        BigDecimal onGrid = close.value().divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
        BigDecimal moved = onGrid.add(tick.multiply(BigDecimal.valueOf(ticks)));
        return Price.of(moved.max(tick), close.currency());
    }
}
