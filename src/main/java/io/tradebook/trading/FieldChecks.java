package io.tradebook.trading;

import io.tradebook.security.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with the fields of one request, checking each against what the database
 * can hold exactly, so that a request that passes can never fail half-way on a column: quantities
 * (8 decimals), prices (12 decimals), money (8 decimals here) and names. The bounds keep every
 * product of a quantity and a price within the 18 whole digits money columns hold. Not
 * thread-safe (one per request).
 */
final class FieldChecks {
    /** Quantities stay below 10^10 units: with prices below 10^8, a notional stays below 10^18. */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("10000000000");
    static final BigDecimal MAX_PRICE = new BigDecimal("100000000");
    static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000000");
    static final int QUANTITY_SCALE = 8;
    static final int PRICE_SCALE = 12;
    static final int MONEY_SCALE = 8;

    private final List<FieldProblem> problems = new ArrayList<>();

    /** Records that {@code field} {@code message}. */
    FieldChecks problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** {@code value} stripped when it is text of 1…{@code max} characters without control characters; else null, with a problem when present or required. */
    String text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            problem(field, "must not be blank");
            return null;
        }
        if (stripped.length() > max) {
            problem(field, "must have at most " + max + " characters");
            return null;
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            problem(field, "must not contain control characters");
            return null;
        }
        return stripped;
    }

    /** A currency code of three upper-case letters, {@code USD} when null; else null with a problem. */
    String currency(String field, String value) {
        String code = value == null ? "USD" : value.strip();
        if (!code.matches("[A-Z]{3}")) {
            problem(field, "must be a three-letter upper-case code such as USD");
            return null;
        }
        return code;
    }

    /** A quantity: positive, at most 8 decimals, below 10^10. */
    BigDecimal quantity(String field, BigDecimal value, boolean required) {
        return positive(field, value, required, QUANTITY_SCALE, MAX_QUANTITY, "10000000000");
    }

    /** A price: positive, at most 12 decimals, below 10^8. */
    BigDecimal price(String field, BigDecimal value, boolean required) {
        return positive(field, value, required, PRICE_SCALE, MAX_PRICE, "100000000");
    }

    /** An amount of money: positive (or zero when {@code zeroAllowed}), at most 8 decimals, below 10^15. */
    BigDecimal money(String field, BigDecimal value, boolean required, boolean zeroAllowed) {
        if (value != null && zeroAllowed && value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return positive(field, value, required, MONEY_SCALE, MAX_MONEY, "1000000000000000");
    }

    private BigDecimal positive(String field, BigDecimal value, boolean required, int scale, BigDecimal max, String maxText) {
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (value.signum() <= 0) {
            problem(field, "must be positive");
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            problem(field, "must have at most " + scale + " decimals");
            return null;
        }
        if (value.compareTo(max) >= 0) {
            problem(field, "must be below " + maxText);
            return null;
        }
        return LiveEventData.plain(value);
    }
}
