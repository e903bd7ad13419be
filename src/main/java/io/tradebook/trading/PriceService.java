package io.tradebook.trading;

import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.marketdata.ManualPriceFeed;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.MarketQuoteRepository;
import io.tradebook.store.MarketQuoteRepository.StoredQuote;
import io.tradebook.store.Security;
import io.tradebook.store.TradingNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market prices paper accounts fill and are valued at: a new price is kept in the database
 * (so it survives a restart), published live to everyone, and pushed into the paper broker's feed,
 * where working orders of its symbol may fill at once. Who may push is the caller's business
 * (administrators and market-data keys); this class checks what is pushed. Thread-safe: pushes are
 * serialised, so every symbol's prices reach the store, the clients and the broker in one order.
 *
 * <p>Refuses, as invalid fields: a symbol that is not one active security; a price together with
 * a bid or ask, or neither; a bid without an ask or the other way round; a bid above the ask; and
 * prices that are not positive, have more than 12 decimals or reach 10^8.
 */
public final class PriceService {
    /** A symbol's latest price: {@code price} is the last price or the quote's mid; {@code bid}/{@code ask} null for a last price. Immutable. */
    public record LatestPrice(String symbol, BigDecimal price, BigDecimal bid, BigDecimal ask, String currency, Instant time) {
    }

    private final ManualPriceFeed feed;
    private final SecurityCache securities;
    private final MarketQuoteRepository quotes;
    private final LiveEvents live;
    private final Clock clock;
    private final TradingNode node;
    private final Map<String, LatestPrice> latest = new ConcurrentHashMap<>();

    PriceService(ManualPriceFeed feed, SecurityCache securities, MarketQuoteRepository quotes, LiveEvents live, Clock clock,
                 TradingNode node) {
        this.node = node;
        this.feed = feed;
        this.securities = securities;
        this.quotes = quotes;
        this.live = live;
        this.clock = clock;
    }

    /** Pushes a last price ({@code price}) or a quote ({@code bid} and {@code ask}) of {@code symbol}, at the server's time. */
    public Outcome<LatestPrice> push(String symbol, BigDecimal price, BigDecimal bid, BigDecimal ask) {
        FieldChecks checks = new FieldChecks();
        String ticker = checks.text("symbol", symbol, 50, true);
        BigDecimal last = checks.price("price", price, false);
        BigDecimal b = checks.price("bid", bid, false);
        BigDecimal a = checks.price("ask", ask, false);
        if (price != null && (bid != null || ask != null)) {
            checks.problem("price", "give either a price or a bid and an ask, not both");
        } else if (price == null && bid == null && ask == null) {
            checks.problem("price", "is required (or a bid and an ask)");
        } else if (price == null && (bid == null) != (ask == null)) {
            checks.problem(bid == null ? "bid" : "ask", "is required with " + (bid == null ? "ask" : "bid"));
        } else if (b != null && a != null && b.compareTo(a) > 0) {
            checks.problem("bid", "must not be above the ask");
        }
        Security security = null;
        if (ticker != null) {
            SecurityCache.Lookup found = securities.lookup(ticker);
            if (found.ambiguous()) {
                checks.problem("symbol", "is active on several exchanges (" + String.join(", ", found.exchanges())
                        + "); prices are pushed per symbol, so it must be unique");
            } else if (!found.found()) {
                checks.problem("symbol", "is not an active security");
            } else {
                security = found.security();
            }
        }
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        LatestPrice applied;
        synchronized (this) {
            Instant now = clock.instant();
            quotes.save(new StoredQuote(security.id(), ticker, b, a, last, now));
            applied = apply(ticker, security.currency(), last, b, a, now, true);
        }
        node.signalPrice(ticker);
        return Outcome.ok(applied);
    }

    /**
     * Takes into the feed the stored price of {@code ticker}, which another server process pushed
     * (and published live itself), unless this process already has it. Reading it from the database
     * under this service's lock means the feed ends at the price stored last, whatever the order in
     * which processes' pushes and signals arrive.
     */
    synchronized void pulled(String ticker) {
        for (StoredQuote q : quotes.latest(ticker)) {
            takeStored(q);
        }
    }

    /** Takes into the feed every stored price that differs from this process's (after signals may have been missed). */
    synchronized void resync() {
        for (StoredQuote q : quotes.latest()) {
            takeStored(q);
        }
    }

    private void takeStored(StoredQuote q) {
        LatestPrice known = latest.get(q.ticker());
        if (known != null && known.time().equals(q.updatedAt()) && same(known.bid(), q.bid()) && same(known.ask(), q.ask())
                && (q.last() == null || same(known.price(), q.last()))) {
            return;
        }
        SecurityCache.Lookup found = securities.lookup(q.ticker());
        if (found.found()) {
            apply(q.ticker(), found.security().currency(), q.last(), q.bid(), q.ask(), q.updatedAt(), false);
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The latest price of {@code symbol}, if one was pushed (since this database began). */
    public Optional<LatestPrice> latest(String symbol) {
        return Optional.ofNullable(latest.get(symbol));
    }

    /** Every symbol's latest price, by symbol. */
    public java.util.List<LatestPrice> all() {
        return latest.values().stream().sorted(java.util.Comparator.comparing(LatestPrice::symbol)).toList();
    }

    /** Puts the stored latest prices back into the feed: at start, before any order is placed. */
    void restore() {
        for (StoredQuote q : quotes.latest()) {
            SecurityCache.Lookup found = securities.lookup(q.ticker());
            if (found.found()) {
                apply(q.ticker(), found.security().currency(), q.last(), q.bid(), q.ask(), q.updatedAt(), true);
            }
        }
    }

    /** Pushes a price into the feed; {@code publish}: and publishes it live (false for another process's price, which it published). */
    private LatestPrice apply(String symbol, Currency currency, BigDecimal last, BigDecimal bid, BigDecimal ask, Instant time,
                              boolean publish) {
        Price reference;
        if (last != null) {
            reference = Price.of(last, currency);
            if (publish) {
                live.publish(LiveEventData.price(symbol, reference, null, null, time));
            }
            feed.push(symbol, reference, time);
        } else {
            Price b = Price.of(bid, currency);
            Price a = Price.of(ask, currency);
            reference = mid(b, a);
            if (publish) {
                live.publish(LiveEventData.price(symbol, reference, b, a, time));
            }
            feed.pushQuote(symbol, b, a, time);
        }
        LatestPrice now = new LatestPrice(symbol, LiveEventData.plain(feed.latest(symbol).orElse(reference).value()), bid, ask,
                currency.code(), time);
        latest.put(symbol, now);
        return now;
    }

    /** The quote's mid as the feed computes it, for the event sent before the feed has it. */
    private static Price mid(Price bid, Price ask) {
        BigDecimal half = bid.value().add(ask.value()).multiply(new BigDecimal("0.5"));
        return Price.of(half.stripTrailingZeros().scale() > 12 ? half.setScale(12, java.math.RoundingMode.HALF_EVEN) : half, bid.currency());
    }
}
