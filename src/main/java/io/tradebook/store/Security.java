package io.tradebook.store;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.money.Currency;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the security master ({@code securities}): identity, description, reference figures
 * and trading rules. {@code active} false means soft-deleted: kept for history, no longer offered.
 * {@code lastUpdated} is when the fundamentals were last set. Immutable; decimals come back
 * without trailing zeros.
 */
public record Security(UUID id, String ticker, String exchange, SecurityType type, String name, Currency currency, String country,
                       String sector, String industry, String description, String dataSource, boolean active,
                       SecurityFundamentals fundamentals, TradingRules rules, Instant lastUpdated) {
    public Security {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fundamentals, "fundamentals");
        Objects.requireNonNull(rules, "rules");
    }

    /** {@code TICKER on EXCHANGE}, for messages. */
    public String label() {
        return ticker + " on " + exchange;
    }
}
