package io.tradebook.bench;

import io.tradebook.core.backtest.BacktestPlan;
import io.tradebook.core.backtest.BacktestSettings;
import io.tradebook.core.backtest.BarSeries;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.strategies.SmaCross;
import io.tradebook.core.strategies.StrategyDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The backtest benchmark's workload: synthetic one-minute bars of one equity, a deterministic
 * random walk in cents (a fixed seed, so every run sees the same bars), and a plan that runs
 * {@code sma-cross} over them through the whole order path with 100,000 USD. The bars are built
 * before anything is timed; equal prices share one {@link Price}, so a million bars fit in about
 * 150 MB.
 */
public final class BacktestWorkload {
    /** The first bar's time. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    public static final String SYMBOL = "SYN";
    private static final long SEED = 20_240_101L;

    private BacktestWorkload() {
    }

    /**
     * {@code count} minute bars from {@link #START}: each opens at the last close and moves in four
     * random steps of −5 to +5 cents, never below one dollar; the close is the last step, the high
     * and low the extremes. Volume 1000.
     */
    public static List<Bar> randomWalk(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Long, Price> prices = new HashMap<>();
        Quantity volume = Quantity.of(1000);
        List<Bar> bars = new ArrayList<>(count);
        long cents = 100_00;
        for (int i = 0; i < count; i++) {
            long open = cents;
            long high = open;
            long low = open;
            for (int s = 0; s < 4; s++) {
                cents = Math.max(100, cents + random.nextInt(11) - 5);
                high = Math.max(high, cents);
                low = Math.min(low, cents);
            }
            bars.add(new Bar(SYMBOL, START.plusSeconds(60L * i), price(prices, open), price(prices, high), price(prices, low),
                    price(prices, cents), volume));
        }
        return bars;
    }

    private static Price price(Map<Long, Price> prices, long cents) {
        return prices.computeIfAbsent(cents, c -> Price.of(BigDecimal.valueOf(c, 2), Currency.USD));
    }

    /** sma-cross with {@code fast} and {@code slow} over {@code bars}, 100,000 USD, no commission or slippage. */
    public static BacktestPlan plan(List<Bar> bars, int fast, int slow) {
        BarSeries series = BarSeries.of(Instrument.equity(SYMBOL, Currency.USD), bars);
        StrategyDefinition smaCross = new SmaCross.Definition();
        StrategyInstance strategy = StrategyInstance.of(smaCross).withParameters(smaCross.metadata()
                .parameters(Map.of("fast", Integer.toString(fast), "slow", Integer.toString(slow))));
        return new BacktestPlan(List.of(series), List.of(strategy), BacktestSettings.of(Money.of("100000", Currency.USD)));
    }
}
