package io.tradebook.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number of units of an instrument: shares, contracts, coins. Final and immutable. Signed, so
 * that a short position is a negative quantity; an order or a fill uses a positive one with a
 * side. At most {@value Decimals#QUANTITY_SCALE} decimals, so fractional shares and crypto down
 * to one satoshi (1e-8) are first-class.
 */
public final class Quantity implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    private final BigDecimal value;

    private Quantity(BigDecimal value) {
        this.value = value;
    }

    /** Refuses null and more than 8 decimals. */
    public static Quantity of(BigDecimal value) {
        Objects.requireNonNull(value, "quantity");
        return new Quantity(Decimals.checkScale(value, Decimals.QUANTITY_SCALE, "quantity"));
    }

    public static Quantity of(String value) {
        return of(Decimals.parse(value, "quantity"));
    }

    public static Quantity of(long units) {
        return new Quantity(BigDecimal.valueOf(units));
    }

    public BigDecimal value() {
        return value;
    }

    /** The notional {@code quantity × price}: exact, in the price's currency, signed like this quantity. */
    public Money times(Price price) {
        return Money.of(value.multiply(price.value()), price.currency());
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    public Quantity negate() {
        return new Quantity(value.negate());
    }

    public Quantity abs() {
        return value.signum() < 0 ? negate() : this;
    }

    public int signum() {
        return value.signum();
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    public String toPlainString() {
        return Decimals.plain(value);
    }

    @Override
    public String toString() {
        return toPlainString();
    }
}
