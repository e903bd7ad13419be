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
 * without an object per point: a point's time is kept as seconds and nanoseconds, and its equity
 * either as an unscaled {@code long} and a scale (the compact form a backtest records, with
 * nothing allocated per bar) or, when appended as a {@code BigDecimal}, as that value. A curve of
 * a million minute bars stays cheap.
 *
 * <p>Equity is exact ({@code BigDecimal}, as the books give it; {@link #equity} returns a
 * compact point as {@code unscaled × 10^-scale}); the statistics derived from it
 * ({@link Returns}, {@link Metrics}) work in {@code double}.
 */
public final class EquityCurve {
    private final Currency currency;
    private final long[] seconds;
    /** Null while every point falls on a whole second (bars do), so a curve of a million bars holds no array of zeros. */
    private final int[] nanos;
    private final long[] unscaled;
    private final byte[] scales;
    /** The points appended as a {@code BigDecimal} (their scale is {@value #EXACT}); null when there are none. */
    private final BigDecimal[] exact;
    private final int size;

    /** The scale that marks a point kept as a {@code BigDecimal}. */
    private static final byte EXACT = -1;

    private EquityCurve(Currency currency, long[] seconds, int[] nanos, long[] unscaled, byte[] scales, BigDecimal[] exact, int size) {
        this.currency = currency;
        this.seconds = seconds;
        this.nanos = nanos;
        this.unscaled = unscaled;
        this.scales = scales;
        this.exact = exact;
        this.size = size;
    }

    /** A builder of a curve in {@code currency}. */
    public static Builder builder(Currency currency) {
        return new Builder(currency, 64);
    }

    /** A builder of a curve in {@code currency} with room for {@code expectedPoints} points before it grows. */
    public static Builder builder(Currency currency, int expectedPoints) {
        return new Builder(currency, Math.max(16, expectedPoints));
    }

    public Currency currency() {
        return currency;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The time of point {@code i} (0-based). */
    public Instant time(int i) {
        Objects.checkIndex(i, size);
        return Instant.ofEpochSecond(seconds[i], nanos == null ? 0 : nanos[i]);
    }

    /** The epoch second of point {@code i}'s time. */
    long second(int i) {
        return seconds[i];
    }

    /** The exact equity of point {@code i}. */
    public BigDecimal equity(int i) {
        Objects.checkIndex(i, size);
        return scales[i] == EXACT ? exact[i] : BigDecimal.valueOf(unscaled[i], scales[i]);
    }

    /** The equity of point {@code i} as money. */
    public Money money(int i) {
        return Money.of(equity(i), currency);
    }

    /** The first point's equity; refuses an empty curve. */
    public Money first() {
        requireNotEmpty();
        return money(0);
    }

    /** The last point's equity; refuses an empty curve. */
    public Money last() {
        requireNotEmpty();
        return money(size - 1);
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("the equity curve has no points");
        }
    }

    /**
     * Appends points in time order. Mutable, not thread-safe; {@link #build()} gives an immutable
     * curve of the points so far and the builder may go on appending afterwards.
     *
     * <p>Refuses a point at or before the previous point's time, a null time or equity, money in
     * another currency than the curve's, and a compact point with a negative scale or one above
     * {@value Byte#MAX_VALUE}.
     */
    public static final class Builder {
        private final Currency currency;
        private long[] seconds;
        /** Made at the first point with a fraction of a second. */
        private int[] nanos;
        private long[] unscaled;
        private byte[] scales;
        private BigDecimal[] exact;
        private int size;

        private Builder(Currency currency, int capacity) {
            this.currency = Objects.requireNonNull(currency, "currency");
            seconds = new long[capacity];
            unscaled = new long[capacity];
            scales = new byte[capacity];
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
            int i = next(time.getEpochSecond(), time.getNano());
            if (exact == null) {
                exact = new BigDecimal[seconds.length];
            }
            exact[i] = equity;
            scales[i] = EXACT;
            size++;
            return this;
        }

        /**
         * Appends the equity {@code unscaled × 10^-scale} at {@code epochSecond} and {@code nano}
         * (UTC): the compact form, which allocates nothing.
         */
        public Builder append(long epochSecond, int nano, long unscaled, int scale) {
            if (scale < 0 || scale > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("a compact equity point needs a scale from 0 to " + Byte.MAX_VALUE + ": " + scale);
            }
            int i = next(epochSecond, nano);
            this.unscaled[i] = unscaled;
            scales[i] = (byte) scale;
            size++;
            return this;
        }

        /** Checks the time of the next point, makes room for it and stores its time; returns its index. */
        private int next(long s, int n) {
            int previousNano = size == 0 || nanos == null ? 0 : nanos[size - 1];
            if (size > 0 && (s < seconds[size - 1] || (s == seconds[size - 1] && n <= previousNano))) {
                throw new IllegalArgumentException("equity point at " + Instant.ofEpochSecond(s, n) + " is not after the previous point at "
                        + Instant.ofEpochSecond(seconds[size - 1], previousNano));
            }
            if (size == seconds.length) {
                int capacity = size * 2;
                seconds = Arrays.copyOf(seconds, capacity);
                if (nanos != null) {
                    nanos = Arrays.copyOf(nanos, capacity);
                }
                unscaled = Arrays.copyOf(unscaled, capacity);
                scales = Arrays.copyOf(scales, capacity);
                if (exact != null) {
                    exact = Arrays.copyOf(exact, capacity);
                }
            }
            seconds[size] = s;
            if (n != 0 && nanos == null) {
                nanos = new int[seconds.length];
            }
            if (nanos != null) {
                nanos[size] = n;
            }
            return size;
        }

        public int size() {
            return size;
        }

        /**
         * The curve of every point appended so far. When the arrays are at least three quarters
         * full the curve shares them instead of copying them: it reads only its first {@code size}
         * points, which later appends never write (they write past them, or into grown copies).
         */
        public EquityCurve build() {
            if (size >= seconds.length - seconds.length / 4) {
                return new EquityCurve(currency, seconds, nanos, unscaled, scales, exact, size);
            }
            return new EquityCurve(currency, Arrays.copyOf(seconds, size), nanos == null ? null : Arrays.copyOf(nanos, size),
                    Arrays.copyOf(unscaled, size),
                    Arrays.copyOf(scales, size), exact == null ? null : Arrays.copyOf(exact, size), size);
        }
    }
}
