package io.tradebook.store;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.money.Currency;
import java.util.Objects;

/**
 * What it takes to add a security to the security master: ticker and exchange (unique together),
 * type, name and trading currency, plus optional descriptive fields. Immutable; the {@code with}
 * methods return copies. Refuses a blank ticker, exchange or name.
 */
public record NewSecurity(String ticker, String exchange, SecurityType type, String name, Currency currency, String country,
                          String sector, String industry, String description, String dataSource) {
    public NewSecurity {
        requireText(ticker, "a ticker");
        requireText(exchange, "an exchange");
        requireText(name, "a name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
    }

    /** A security with only the required fields. */
    public static NewSecurity of(String ticker, String exchange, SecurityType type, String name, Currency currency) {
        return new NewSecurity(ticker, exchange, type, name, currency, null, null, null, null, null);
    }

    public NewSecurity withSector(String sector, String industry) {
        return new NewSecurity(ticker, exchange, type, name, currency, country, sector, industry, description, dataSource);
    }

    public NewSecurity withCountry(String country) {
        return new NewSecurity(ticker, exchange, type, name, currency, country, sector, industry, description, dataSource);
    }

    public NewSecurity withDescription(String description) {
        return new NewSecurity(ticker, exchange, type, name, currency, country, sector, industry, description, dataSource);
    }

    public NewSecurity withDataSource(String dataSource) {
        return new NewSecurity(ticker, exchange, type, name, currency, country, sector, industry, description, dataSource);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a security needs " + what);
        }
    }
}
