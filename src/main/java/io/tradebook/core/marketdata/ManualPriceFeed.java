package io.tradebook.core.marketdata;

import io.tradebook.core.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A price feed driven by hand: tests, the CLI and the API push last prices, quotes and bars into
 * it, and it passes each one on to every subscribed {@link MarketDataListener}. It also remembers
 * the latest reference price of each symbol: the last price pushed, the mid of the last quote, or
 * the close of the last bar, whichever came last.
 *
 * <p>Thread-safe. Pushes are serialised, so every subscriber sees the events in one order and
 * {@link #latest} always agrees with the last event delivered; listeners are called on the pushing
 * thread and must not push back into this feed from another thread while they block. Refuses null
 * arguments and (through {@link Quote}) a crossed quote.
 */
public final class ManualPriceFeed {
    private static final int MID_SCALE = 12;

    /** The listeners, in subscription order; replaced (never changed) under {@code subscriptions}, so a push walks it without a lock or an iterator. */
    private volatile MarketDataListener[] subscribed = new MarketDataListener[0];
    private final Object subscriptions = new Object();
    /** The latest reference price of each symbol, in a cell per symbol so that a push writes no map entry. */
    private final Map<String, AtomicReference<Price>> latest = new ConcurrentHashMap<>();
    private final Object pushLock = new Object();
    /** The symbol of the last push and its cell (read and written under {@code pushLock}): a run of pushes of one symbol looks nothing up. */
    private String lastSymbol;
    private AtomicReference<Price> lastCell;

    /** Adds {@code listener}; it receives every event pushed from now on. */
    public void subscribe(MarketDataListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (subscriptions) {
            MarketDataListener[] more = Arrays.copyOf(subscribed, subscribed.length + 1);
            more[subscribed.length] = listener;
            subscribed = more;
        }
    }

    /** Removes {@code listener}; does nothing when it was not subscribed. */
    public void unsubscribe(MarketDataListener listener) {
        synchronized (subscriptions) {
            List<MarketDataListener> rest = new ArrayList<>(Arrays.asList(subscribed));
            if (rest.remove(listener)) {
                subscribed = rest.toArray(new MarketDataListener[0]);
            }
        }
    }

    /** Pushes a last price of {@code symbol}. */
    public void push(String symbol, Price price, Instant time) {
        LastPrice event = new LastPrice(symbol, price, time);
        synchronized (pushLock) {
            remember(symbol, price);
            for (MarketDataListener l : subscribed) {
                l.onLastPrice(event);
            }
        }
    }

    /** Pushes a quote of {@code symbol}; its mid becomes the reference price. */
    public void pushQuote(String symbol, Price bid, Price ask, Instant time) {
        Quote event = new Quote(symbol, bid, ask, time);
        synchronized (pushLock) {
            remember(symbol, mid(bid, ask));
            for (MarketDataListener l : subscribed) {
                l.onQuote(event);
            }
        }
    }

    /** Pushes a completed bar; its close becomes the reference price. */
    public void pushBar(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        synchronized (pushLock) {
            remember(bar.symbol(), bar.close());
            for (MarketDataListener l : subscribed) {
                l.onBar(bar);
            }
        }
    }

    /** The latest reference price of {@code symbol}, or empty when nothing was pushed for it. */
    public Optional<Price> latest(String symbol) {
        AtomicReference<Price> cell = latest.get(symbol);
        return cell == null ? Optional.empty() : Optional.of(cell.get());
    }

    /** Call under {@code pushLock}. A release store is enough: readers of {@link #latest} see the price once it is there. */
    private void remember(String symbol, Price price) {
        AtomicReference<Price> cell = symbol.equals(lastSymbol) ? lastCell : latest.get(symbol);
        if (cell == null) {
            cell = new AtomicReference<>(price);
            latest.put(symbol, cell);
        } else {
            cell.setRelease(price);
        }
        lastSymbol = symbol;
        lastCell = cell;
    }

    /** (bid + ask) / 2: exact unless the quote already uses all 12 decimals, then rounded half-even. */
    static Price mid(Price bid, Price ask) {
        BigDecimal sum = bid.value().add(ask.value());
        BigDecimal half = sum.multiply(new BigDecimal("0.5"));
        if (half.stripTrailingZeros().scale() > MID_SCALE) {
            half = half.setScale(MID_SCALE, RoundingMode.HALF_EVEN);
        }
        return Price.of(half, bid.currency());
    }
}
