package io.tradebook.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of one currency: cash, a fee, a cost basis, a profit. Final and immutable;
 * arithmetic returns new values and refuses to mix currencies.
 *
 * <p>The amount is kept exactly as computed (at most {@value Decimals#MONEY_SCALE} decimals, which
 * every {@code quantity × price} fits), never rounded to cents: the books must add up to the last
 * digit. Two values are equal when their currencies match and their amounts compare equal
 * ({@code 1.50 USD} equals {@code 1.5 USD}).
 */
public final class Money implements Comparable<Money> {
    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** Refuses null and amounts with more than 20 decimals. */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        return new Money(Decimals.checkScale(amount, Decimals.MONEY_SCALE, "money amount"), currency);
    }

    public static Money of(String amount, Currency currency) {
        return of(Decimals.parse(amount, "money amount"), currency);
    }

    public static Money zero(Currency currency) {
        Money zero = Objects.requireNonNull(currency, "currency").zero;
        if (zero == null) {
            zero = new Money(BigDecimal.ZERO, currency);
            currency.zero = zero;
        }
        return zero;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    public int signum() {
        return amount.signum();
    }

    /**
     * The share {@code this × part / whole}, rounded half-even to 20 decimals: how a fee is split
     * when one fill both closes a position and opens the opposite one. Refuses a zero whole.
     */
    public Money proRata(Quantity part, Quantity whole) {
        if (whole.isZero()) {
            throw new IllegalArgumentException("pro-rata share of a zero whole");
        }
        BigDecimal share = amount.multiply(part.value()).divide(whole.value(), Decimals.MONEY_SCALE, Decimals.ROUNDING);
        return new Money(share, currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.currency == currency && m.amount.compareTo(amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + (amount.signum() == 0 ? 0 : amount.stripTrailingZeros().hashCode());
    }

    /** The amount as plain decimal text, trailing zeros dropped ({@code "-1002.5"}). */
    public String toPlainString() {
        return Decimals.plain(amount);
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency;
    }
}
