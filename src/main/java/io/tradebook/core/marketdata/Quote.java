package io.tradebook.core.marketdata;

import io.tradebook.core.money.Price;
import java.time.Instant;
import java.util.Objects;

/**
 * The best bid and ask of a symbol at a moment. Immutable. Refuses a crossed quote (bid above ask).
 */
public record Quote(String symbol, Price bid, Price ask, Instant time) {
    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(time, "time");
        if (bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException("crossed quote for " + symbol + ": bid " + bid + " above ask " + ask);
        }
    }
}
