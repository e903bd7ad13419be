package io.tradebook.core.marketdata;

import io.tradebook.core.money.Price;
import java.time.Instant;
import java.util.Objects;

/** The last traded (or manually set) price of a symbol at a moment. Immutable. */
public record LastPrice(String symbol, Price price, Instant time) {
    public LastPrice {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(time, "time");
    }
}
