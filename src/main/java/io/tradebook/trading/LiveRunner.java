package io.tradebook.trading;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.store.LiveStrategyStore.LiveActivation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One activation's strategy running on the worker thread. */
final class LiveRunner {
    private final LiveStrategies owner;
    final LiveActivation activation;
    final String account;
    final io.tradebook.core.strategies.Strategy strategy;
    final LiveContext context;
    final List<String> symbols;
    final Timeframe timeframe;
    final Map<String, List<io.tradebook.core.indicators.Indicator>> tracked = new HashMap<>();
    final Map<String, Bar> building = new HashMap<>();
    final Map<String, Price> lastClose = new HashMap<>();
    volatile boolean active;
    Instant time;
    UUID sessionId;
    BigDecimal peak;
    BigDecimal maxDrawdown = BigDecimal.ZERO;

    LiveRunner(LiveStrategies owner, LiveActivation a, StrategyDefinition definition, Parameters parameters, List<String> symbols, Timeframe timeframe) {
        this.owner = owner;
        this.activation = a;
        this.account = a.accountId().toString();
        this.symbols = List.copyOf(symbols);
        this.timeframe = timeframe;
        this.active = a.status().equals("ACTIVE");
        this.strategy = definition.create(parameters);
        this.context = new LiveContext(owner, this, parameters);
        this.time = owner.clock.instant();
    }

    void start() {
        strategy.onStart(context);
    }

    void stop() {
        safely(() -> strategy.onStop(context));
    }

    void watch(UUID session, BigDecimal capital) {
        sessionId = session;
        peak = capital;
        maxDrawdown = BigDecimal.ZERO;
    }

    /** The session's max drawdown so far, with {@code now} as its latest equity. */
    BigDecimal drawdown(BigDecimal now) {
        observe(now);
        return maxDrawdown.stripTrailingZeros();
    }

    private void observe(BigDecimal equity) {
        if (sessionId == null || equity == null) {
            return;
        }
        if (peak == null || equity.compareTo(peak) > 0) {
            peak = equity;
        } else if (peak.signum() > 0) {
            BigDecimal dd = peak.subtract(equity).divide(peak, 10, RoundingMode.HALF_EVEN);
            if (dd.compareTo(maxDrawdown) > 0) {
                maxDrawdown = dd;
            }
        }
    }

    /** A completed bar: the indicators of its symbol are fed, then (when ACTIVE) the strategy sees it. */
    void bar(Bar bar) {
        time = bar.time();
        lastClose.put(bar.symbol(), bar.close());
        io.tradebook.core.strategies.PriceBar priceBar = io.tradebook.core.strategies.PriceBar.of(bar);
        for (io.tradebook.core.indicators.Indicator i : tracked.getOrDefault(bar.symbol(), List.of())) {
            i.update(priceBar.high(), priceBar.low(), priceBar.close());
        }
        if (active) {
            strategy.onBar(context, priceBar);
        }
        if (sessionId != null) {
            observe(context.equity().amount());
        }
    }

    /** A pushed price: it extends the symbol's bar of this timeframe, or completes it and starts the next. */
    void price(String symbol, Price price, Instant at) {
        Instant start = timeframe.floor(at);
        Bar current = building.get(symbol);
        if (current != null && start.isAfter(current.time())) {
            building.remove(symbol);
            bar(current);
            current = null;
        }
        if (current == null || start.isBefore(current.time())) {
            building.put(symbol, new Bar(symbol, start, price, price, price, price, Quantity.ZERO));
        } else {
            Price high = price.compareTo(current.high()) > 0 ? price : current.high();
            Price low = price.compareTo(current.low()) < 0 ? price : current.low();
            building.put(symbol, new Bar(symbol, current.time(), current.open(), high, low, price, current.volume()));
        }
    }

    void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LiveStrategies.LOG.warn("live strategy {} ({}) failed on an event", activation.name(), activation.id(), e);
            try {
                owner.audit.record(LogLevel.ERROR, "strategies", "a live strategy failed on an event", null,
                        Map.of("activation", activation.id().toString(), "error", e.getClass().getName(),
                                "reason", String.valueOf(e.getMessage())));
            } catch (RuntimeException ignored) {
                // the audit trail is best effort here
            }
        }
    }
}
