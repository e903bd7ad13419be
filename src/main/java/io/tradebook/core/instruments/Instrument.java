package io.tradebook.core.instruments;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A tradable instrument and its trading rules: prices move in multiples of {@code tickSize},
 * quantities in multiples of {@code lotSize}, and an order is at least {@code minQuantity}.
 * Immutable. Refuses a blank symbol and non-positive tick, lot or minimum.
 */
public record Instrument(String symbol, SecurityType type, Currency currency, BigDecimal tickSize, Quantity lotSize,
                         Quantity minQuantity, boolean shortable) {

    public Instrument {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size must be positive");
        }
        if (lotSize == null || !lotSize.isPositive() || minQuantity == null || !minQuantity.isPositive()) {
            throw new IllegalArgumentException("lot size and minimum quantity must be positive");
        }
    }

    /**
     * The default trading rules of a kind of security, for a security master entry that does not
     * set its own: crypto trades in cent ticks and quantities down to one satoshi (1e-8);
     * everything else (equities, ETFs, indices traded as a unit, bonds, options and futures
     * contracts) in cent ticks and whole units. All are shortable.
     */
    public static Instrument defaults(String symbol, SecurityType type, Currency currency) {
        return type == SecurityType.CRYPTO ? crypto(symbol, currency)
                : new Instrument(symbol, type, currency, new BigDecimal("0.01"), Quantity.of(1), Quantity.of(1), true);
    }

    /** A US-style equity: cent ticks, whole shares, shortable. */
    public static Instrument equity(String symbol, Currency currency) {
        return new Instrument(symbol, SecurityType.EQUITY, currency, new BigDecimal("0.01"), Quantity.of(1), Quantity.of(1), true);
    }

    /** A crypto pair: cent ticks, quantities down to one satoshi, shortable (on margin). */
    public static Instrument crypto(String symbol, Currency currency) {
        Quantity satoshi = Quantity.of("0.00000001");
        return new Instrument(symbol, SecurityType.CRYPTO, currency, new BigDecimal("0.01"), satoshi, satoshi, true);
    }

    /** Why {@code quantity} is not tradable here, or empty when it is. */
    public Optional<String> checkQuantity(Quantity quantity) {
        if (quantity == null || !quantity.isPositive()) {
            return Optional.of("quantity must be positive");
        }
        if (quantity.compareTo(minQuantity) < 0) {
            return Optional.of("quantity " + quantity + " is below the minimum " + minQuantity + " for " + symbol);
        }
        if (!isMultiple(quantity.value(), lotSize.value())) {
            return Optional.of("quantity " + quantity + " is not a multiple of the lot size " + lotSize + " for " + symbol);
        }
        return Optional.empty();
    }

    /** Why {@code price} (named {@code what}) is not a valid order price here, or empty when it is. */
    public Optional<String> checkPrice(Price price, String what) {
        if (price.currency() != currency) {
            return Optional.of(what + " is in " + price.currency() + " but " + symbol + " trades in " + currency);
        }
        if (!price.isPositive()) {
            return Optional.of(what + " must be positive");
        }
        if (!isMultiple(price.value(), tickSize)) {
            return Optional.of(what + " " + price.toPlainString() + " is not a multiple of the tick size "
                    + tickSize.stripTrailingZeros().toPlainString() + " for " + symbol);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code value} is a whole multiple of {@code step}. A step that is a power of ten (1,
     * 0.01, 1e-8: nearly every tick and lot) is checked by comparing scales, without dividing.
     */
    static boolean isMultiple(BigDecimal value, BigDecimal step) {
        // step = 10^-scale exactly when its unscaled value is 1 (BigInteger.valueOf(1) is a shared constant: no allocation)
        if (value.scale() <= step.scale() && BigInteger.ONE.equals(step.unscaledValue())) {
            return true;
        }
        return value.remainder(step).signum() == 0;
    }
}
