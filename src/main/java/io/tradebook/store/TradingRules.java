package io.tradebook.store;

import java.math.BigDecimal;

/**
 * The trading rules a security master entry may set for the order path: price tick, lot size,
 * minimum order quantity and the number of decimals a quantity may have. Any field may be null,
 * meaning "the default of the security type" (see {@link SecurityRepository#instrument}).
 * Immutable. The database refuses a tick or lot that is not positive, a negative minimum, and a
 * quantity scale outside 0..8.
 */
public record TradingRules(BigDecimal tickSize, BigDecimal lotSize, BigDecimal minQuantity, Integer quantityScale) {
    /** Every rule from the security type's defaults. */
    public static final TradingRules DEFAULTS = new TradingRules(null, null, null, null);
}
