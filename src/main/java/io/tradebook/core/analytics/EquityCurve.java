package io.tradebook.core.analytics;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The equity of a book over time: points (time, exact equity) in strictly increasing time, in
 * one currency. Immutable; built with a {@link Builder}, which appends a point in amortised O(1)
 * without an object per point besides the equity itself, so a curve of a million minute bars
 * stays cheap.
 *
 * <p>Equity is exact ({@code BigDecimal}), as the books give it; the statistics derived from it
 * ({@link Returns}, {@link Metrics}) work in {@code double}.
 */
public final class EquityCurve {
    private final Currency currency;
    private final long[] seconds;
    private final int[] nanos;
    private final BigDecimal[] equity;

    private EquityCurve(Currency currency, long[] seconds, int[] nanos, BigDecimal[] equity) {
        this.currency = currency;
        this.seconds = seconds;
        this.nanos = nanos;
        this.equity = equity;
    }

    /** A builder of a curve in {@code currency}. */
    public static Builder builder(Currency currency) {
        return new Builder(currency);
    }

    public Currency currency() {
        return currency;
    }

    public int size() {
        return equity.length;
    }

    public boolean isEmpty() {
        return equity.length == 0;
    }

    /** The time of point {@code i} (0-based). */
    public Instant time(int i) {
        return Instant.ofEpochSecond(seconds[i], nanos[i]);
    }

    /** The UTC day of point {@code i}, as days since 1970-01-01. */
    long epochDay(int i) {
        return Math.floorDiv(seconds[i], 86_400L);
    }

    /** The exact equity of point {@code i}. */
    public BigDecimal equity(int i) {
        return equity[i];
    }

    /** The equity of point {@code i} as money. */
    public Money money(int i) {
        return Money.of(equity[i], currency);
    }

    /** The first point's equity; refuses an empty curve. */
    public Money first() {
        requireNotEmpty();
        return money(0);
    }

    /** The last point's equity; refuses an empty curve. */
    public Money last() {
        requireNotEmpty();
        return money(equity.length - 1);
    }

    private void requireNotEmpty() {
        if (equity.length == 0) {
            throw new IllegalStateException("the equity curve has no points");
        }
    }

    /**
     * Appends points in time order. Mutable, not thread-safe; {@link #build()} copies the points
     * into an immutable curve and the builder may go on appending afterwards.
     *
     * <p>Refuses a point at or before the previous point's time, a null time or equity, and
     * money in another currency than the curve's.
     */
    public static final class Builder {
        private final Currency currency;
        private long[] seconds = new long[64];
        private int[] nanos = new int[64];
        private BigDecimal[] equity = new BigDecimal[64];
        private int size;

        private Builder(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
        }

        /** Appends {@code equity} at {@code time}. */
        public Builder append(Instant time, Money equity) {
            Objects.requireNonNull(equity, "equity");
            if (equity.currency() != currency) {
                throw new IllegalArgumentException("equity in " + equity.currency() + " on a curve in " + currency);
            }
            return append(time, equity.amount());
        }

        /** Appends {@code equity}, an amount in the curve's currency, at {@code time}. */
        public Builder append(Instant time, BigDecimal equity) {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(equity, "equity");
            long s = time.getEpochSecond();
            int n = time.getNano();
            if (size > 0 && (s < seconds[size - 1] || (s == seconds[size - 1] && n <= nanos[size - 1]))) {
                throw new IllegalArgumentException("equity point at " + time + " is not after the previous point at "
                        + Instant.ofEpochSecond(seconds[size - 1], nanos[size - 1]));
            }
            if (size == this.equity.length) {
                int capacity = size * 2;
                seconds = Arrays.copyOf(seconds, capacity);
                nanos = Arrays.copyOf(nanos, capacity);
                this.equity = Arrays.copyOf(this.equity, capacity);
            }
            seconds[size] = s;
            nanos[size] = n;
            this.equity[size] = equity;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /** The curve of every point appended so far. */
        public EquityCurve build() {
            return new EquityCurve(currency, Arrays.copyOf(seconds, size), Arrays.copyOf(nanos, size), Arrays.copyOf(equity, size));
        }
    }
}
