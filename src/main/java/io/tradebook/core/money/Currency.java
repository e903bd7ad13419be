package io.tradebook.core.money;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A currency or settlement asset, named by an upper-case code of 3 to 10 letters or digits
 * ({@code USD}, {@code EUR}, {@code USDT}). Immutable and interned: {@code Currency.of("USD")}
 * always returns the same instance, so identity comparison is safe and cheap.
 *
 * <p>Tradebook does not round money to a currency's minor unit: the books keep the exact product
 * of quantity and price, so the currency carries no scale.
 */
public final class Currency implements Comparable<Currency> {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{3,10}");
    private static final ConcurrentMap<String, Currency> INTERNED = new ConcurrentHashMap<>();

    public static final Currency USD = of("USD");

    private final String code;
    /** Zero in this currency, made once by {@link Money#zero} (a benign race: every thread makes an equal value). */
    Money zero;

    private Currency(String code) {
        this.code = code;
    }

    /** Returns the currency for {@code code}; refuses null and codes that are not 3–10 upper-case letters or digits. */
    public static Currency of(String code) {
        Objects.requireNonNull(code, "currency code");
        Currency known = INTERNED.get(code);
        if (known != null) {
            return known;
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency code must be 3 to 10 upper-case letters or digits: '" + code + "'");
        }
        return INTERNED.computeIfAbsent(code, Currency::new);
    }

    public String code() {
        return code;
    }

    @Override
    public int compareTo(Currency other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
