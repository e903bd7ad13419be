package io.tradebook.http;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;

/** Decimals as the API writes them: exact, without trailing zeros, never in exponent form; null stays null. Stateless. */
final class Plain {
    private Plain() {
    }

    static BigDecimal of(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal of(Money value) {
        return value == null ? null : of(value.amount());
    }

    static BigDecimal of(Price value) {
        return value == null ? null : of(value.value());
    }

    static BigDecimal of(Quantity value) {
        return value == null ? null : of(value.value());
    }
}
