package io.tradebook.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price of one unit of an instrument, in a currency. Final and immutable; never negative;
 * at most {@value Decimals#PRICE_SCALE} decimals (prices are quoted with fewer; an average price
 * is rounded to this scale).
 *
 * <p>A price is not money: {@code Price × Price} does not exist, and the only way from a price to
 * money is {@link Quantity#times(Price)}.
 */
public final class Price implements Comparable<Price> {
    private final BigDecimal value;
    private final Currency currency;

    private Price(BigDecimal value, Currency currency) {
        this.value = value;
        this.currency = currency;
    }

    /** Refuses null, negative values and more than 12 decimals. */
    public static Price of(BigDecimal value, Currency currency) {
        Objects.requireNonNull(value, "price");
        Objects.requireNonNull(currency, "currency");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + value.toPlainString());
        }
        return new Price(Decimals.checkScale(value, Decimals.PRICE_SCALE, "price"), currency);
    }

    public static Price of(String value, Currency currency) {
        return of(Decimals.parse(value, "price"), currency);
    }

    /**
     * The average price of a cost spread over a quantity, {@code |cost| / |quantity|}, rounded
     * half-even to 12 decimals. Refuses a zero quantity.
     */
    public static Price average(Money cost, Quantity quantity) {
        if (quantity.isZero()) {
            throw new IllegalArgumentException("average price of a zero quantity");
        }
        BigDecimal avg = cost.amount().abs().divide(quantity.value().abs(), Decimals.PRICE_SCALE, Decimals.ROUNDING);
        return new Price(avg, cost.currency());
    }

    public static Price zero(Currency currency) {
        return new Price(BigDecimal.ZERO, Objects.requireNonNull(currency, "currency"));
    }

    public BigDecimal value() {
        return value;
    }

    public Currency currency() {
        return currency;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    /** This price moved by {@code basisPoints} (positive up, negative down), rounded half-even to 12 decimals; never below zero. */
    public Price plusBasisPoints(BigDecimal basisPoints) {
        BigDecimal moved = value.add(value.multiply(basisPoints).movePointLeft(4)).setScale(Decimals.PRICE_SCALE, Decimals.ROUNDING);
        return new Price(moved.signum() < 0 ? BigDecimal.ZERO : moved, currency);
    }

    /** This price plus {@code amount} (which may be negative); never below zero. */
    public Price plus(BigDecimal amount) {
        BigDecimal moved = Decimals.checkScale(value.add(amount), Decimals.PRICE_SCALE, "price");
        return new Price(moved.signum() < 0 ? BigDecimal.ZERO : moved, currency);
    }

    public Price min(Price other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Price max(Price other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Price other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Price p && p.currency == currency && p.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + (value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode());
    }

    public String toPlainString() {
        return Decimals.plain(value);
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency;
    }
}
