package io.tradebook.core.marketdata;

import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar of a symbol, starting at {@code time}. Immutable. Refuses a high below the low or
 * an open or close outside [low, high], and a negative volume.
 */
public record Bar(String symbol, Instant time, Price open, Price high, Price low, Price close, Quantity volume) {
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": high " + high + " below low " + low);
        }
        if (open.compareTo(low) < 0 || open.compareTo(high) > 0 || close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": open or close outside [low, high]");
        }
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": negative volume");
        }
    }
}
