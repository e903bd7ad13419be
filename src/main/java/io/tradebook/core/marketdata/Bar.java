package io.tradebook.core.marketdata;

import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar of a symbol, starting at {@code time}. Immutable. Refuses a high below the low or
 * an open or close outside [low, high], and a negative volume.
 *
 * <p>A <em>close-only</em> bar ({@link #closeOnly(String, Instant, Price)}) comes from a series that
 * records only closing prices: its open, high and low are the close and its volume is zero, so
 * code that reads OHLCV still works, but {@link #closeOnly()} says the open, high, low and volume
 * were never known. Stores keep them empty and exports write them back empty. A close-only bar
 * refuses an open, high or low different from its close and a non-zero volume.
 */
public record Bar(String symbol, Instant time, Price open, Price high, Price low, Price close, Quantity volume, boolean closeOnly) {
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": high " + high.toPlainString()
                    + " below low " + low.toPlainString());
        }
        if (open.compareTo(low) < 0 || open.compareTo(high) > 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": open " + open.toPlainString()
                    + " outside [low " + low.toPlainString() + ", high " + high.toPlainString() + "]");
        }
        if (close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": close " + close.toPlainString()
                    + " outside [low " + low.toPlainString() + ", high " + high.toPlainString() + "]");
        }
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("bar of " + symbol + " at " + time + ": negative volume " + volume);
        }
        if (closeOnly && (!open.equals(close) || !high.equals(close) || !low.equals(close) || !volume.isZero())) {
            throw new IllegalArgumentException("close-only bar of " + symbol + " at " + time
                    + ": open, high and low must equal the close and the volume must be zero");
        }
    }

    /** A full OHLCV bar. */
    public Bar(String symbol, Instant time, Price open, Price high, Price low, Price close, Quantity volume) {
        this(symbol, time, open, high, low, close, volume, false);
    }

    /** A bar of which only the close is known: open, high and low are the close, volume is zero. */
    public static Bar closeOnly(String symbol, Instant time, Price close) {
        return new Bar(symbol, time, close, close, close, close, Quantity.ZERO, true);
    }
}
