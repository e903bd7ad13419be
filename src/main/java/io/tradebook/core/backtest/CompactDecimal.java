package io.tradebook.core.backtest;

import java.math.BigDecimal;

/**
 * Exact decimals as a {@code long} unscaled value and a scale, for the per-bar equity arithmetic
 * of a run: {@code value = unscaled × 10^-scale}. Adding and multiplying them is exact and
 * allocates nothing; an operation whose result does not fit returns {@link #OVERFLOW}, and the
 * caller falls back to {@code BigDecimal}. {@code Long.MIN_VALUE} is never a value, so it can
 * mark the overflow. Stateless.
 */
final class CompactDecimal {
    /** The result of an operation that does not fit. */
    static final long OVERFLOW = Long.MIN_VALUE;
    /** The largest scale kept compact. */
    static final int MAX_SCALE = 38;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private CompactDecimal() {
    }

    /** True when {@code value} has a compact form: at most 18 significant digits and a scale in [0, {@value #MAX_SCALE}]. */
    static boolean fits(BigDecimal value) {
        BigDecimal v = normal(value);
        return v.precision() <= 18 && v.scale() <= MAX_SCALE;
    }

    /** The unscaled value of {@code value}'s compact form; call only when {@link #fits}. */
    static long unscaled(BigDecimal value) {
        return normal(value).unscaledValue().longValueExact();
    }

    /** The scale of {@code value}'s compact form; call only when {@link #fits}. */
    static int scale(BigDecimal value) {
        return normal(value).scale();
    }

    /** A scale of at least 0 (an integer such as 1E+3 becomes 1000). */
    private static BigDecimal normal(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** {@code a × b}, or {@link #OVERFLOW}. */
    static long multiply(long a, long b) {
        long product = a * b;
        long high = Math.multiplyHigh(a, b);
        boolean fits = (high == 0 && product >= 0) || (high == -1 && product < 0);
        return fits && product != OVERFLOW ? product : OVERFLOW;
    }

    /** {@code a + b}, or {@link #OVERFLOW}; neither may be {@link #OVERFLOW}. */
    static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 || sum == OVERFLOW ? OVERFLOW : sum;
    }

    /** {@code unscaled} moved from {@code scale} up to {@code target} (not below it), or {@link #OVERFLOW}. */
    static long rescale(long unscaled, int scale, int target) {
        int shift = target - scale;
        if (shift == 0) {
            return unscaled;
        }
        return shift < POWERS_OF_TEN.length ? multiply(unscaled, POWERS_OF_TEN[shift]) : OVERFLOW;
    }
}
