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
    private final Map<String, LatestPrice> latest = new ConcurrentHashMap<>();

    PriceService(ManualPriceFeed feed, SecurityCache securities, MarketQuoteRepository quotes, LiveEvents live, Clock clock) {
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
        synchronized (this) {
            Instant now = clock.instant();
            quotes.save(new StoredQuote(security.id(), ticker, b, a, last, now));
            return Outcome.ok(apply(ticker, security.currency(), last, b, a, now));
        }
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
                apply(q.ticker(), found.security().currency(), q.last(), q.bid(), q.ask(), q.updatedAt());
            }
        }
    }

    private LatestPrice apply(String symbol, Currency currency, BigDecimal last, BigDecimal bid, BigDecimal ask, Instant time) {
        Price reference;
        if (last != null) {
            reference = Price.of(last, currency);
            live.publish(LiveEventData.price(symbol, reference, null, null, time));
            feed.push(symbol, reference, time);
        } else {
            Price b = Price.of(bid, currency);
            Price a = Price.of(ask, currency);
            reference = mid(b, a);
            live.publish(LiveEventData.price(symbol, reference, b, a, time));
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
