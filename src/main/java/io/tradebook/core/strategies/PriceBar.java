package io.tradebook.core.strategies;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Price;
import java.time.Instant;
import java.util.Objects;

/**
 * A bar as a strategy reads it: the exact {@link Bar} (for prices that become orders or sizes)
 * and its open, high, low, close and volume as doubles (for indicators, which work in
 * {@code double}). Immutable. Built once per bar before a run, so reading a price costs nothing
 * during it (converting a {@code BigDecimal} to a double is slow on Java 17).
 */
public final class PriceBar {
    private final Bar bar;
    private final double open;
    private final double high;
    private final double low;
    private final double close;
    private final double volume;

    private PriceBar(Bar bar) {
        this.bar = bar;
        this.open = bar.open().value().doubleValue();
        this.high = bar.high().value().doubleValue();
        this.low = bar.low().value().doubleValue();
        this.close = bar.close().value().doubleValue();
        this.volume = bar.volume().value().doubleValue();
    }

    public static PriceBar of(Bar bar) {
        return new PriceBar(Objects.requireNonNull(bar, "bar"));
    }

    /** The exact bar. */
    public Bar bar() {
        return bar;
    }

    public String symbol() {
        return bar.symbol();
    }

    /** The time the bar starts. */
    public Instant time() {
        return bar.time();
    }

    /** The exact close, for sizing an order or pricing a limit. */
    public Price closePrice() {
        return bar.close();
    }

    public double open() {
        return open;
    }

    public double high() {
        return high;
    }

    public double low() {
        return low;
    }

    public double close() {
        return close;
    }

    public double volume() {
        return volume;
    }

    /** True when only the close is known (open, high and low equal it, volume is zero). */
    public boolean closeOnly() {
        return bar.closeOnly();
    }

    @Override
    public String toString() {
        return bar.symbol() + "@" + bar.time() + " close " + bar.close().toPlainString();
    }
}
