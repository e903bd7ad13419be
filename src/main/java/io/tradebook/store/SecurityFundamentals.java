package io.tradebook.store;

import java.math.BigDecimal;

/**
 * The reference figures of a security (seed 001's {@code securities} columns): a periodic price,
 * market capitalisation, volumes, valuation ratios, dividend yield and the 52-week range. Every
 * field may be null (not known). Immutable. The database refuses negative volumes and a 52-week
 * high below the low.
 */
public record SecurityFundamentals(BigDecimal currentPrice, BigDecimal marketCap, BigDecimal volume, BigDecimal avgVolume,
                                   BigDecimal peRatio, BigDecimal psRatio, BigDecimal pbRatio, BigDecimal evEbitda,
                                   BigDecimal dividendYield, BigDecimal fiftyTwoWeekHigh, BigDecimal fiftyTwoWeekLow) {
    /** Nothing known. */
    public static final SecurityFundamentals NONE = new SecurityFundamentals(null, null, null, null, null, null, null, null, null, null,
            null);
}
