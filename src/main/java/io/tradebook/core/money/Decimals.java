package io.tradebook.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The decimal rules shared by {@link Money}, {@link Price} and {@link Quantity}: parsing that
 * accepts only plain decimal text, and the scale limits that keep every product exact.
 *
 * <p>Quantities carry at most {@value #QUANTITY_SCALE} decimals (one satoshi), prices at most
 * {@value #PRICE_SCALE} (an average price is rounded there), so {@code quantity × price} has at
 * most {@value #MONEY_SCALE} decimals and money never needs rounding when it is multiplied out.
 */
final class Decimals {
    static final int QUANTITY_SCALE = 8;
    static final int PRICE_SCALE = 12;
    static final int MONEY_SCALE = 20;
    /** Rounding used wherever Tradebook must divide (average prices, pro-rata splits). */
    static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Decimals() {
    }

    /** Parses plain decimal text ({@code -12.50}, {@code 0.00000001}); refuses exponents, blanks and garbage. */
    static BigDecimal parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == 0);
            if (!ok) {
                throw new IllegalArgumentException(what + " is not a plain decimal number: '" + text + "'");
            }
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a plain decimal number: '" + text + "'", e);
        }
    }

    /** Refuses a value with more decimals than {@code maxScale} (after dropping trailing zeros). */
    static BigDecimal checkScale(BigDecimal value, int maxScale, String what) {
        if (value.scale() > maxScale) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > maxScale) {
                throw new IllegalArgumentException(what + " has more than " + maxScale + " decimals: " + value.toPlainString());
            }
            return stripped;
        }
        return value;
    }

    /** Plain text without exponent and without trailing zeros ("0" for zero). */
    static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
