package io.tradebook.cli;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the option values the market data commands share, each refusal a {@link UserInputException}
 * that names the option: timeframes, security types, currencies, time bounds, and the security a
 * ticker (and exchange) names. Stateless.
 */
final class MarketDataOptions {
    private MarketDataOptions() {
    }

    static Timeframe timeframe(String option, String code) {
        try {
            return Timeframe.parse(code);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(option + ": " + e.getMessage(), e);
        }
    }

    static SecurityType securityType(String code) {
        for (SecurityType type : SecurityType.values()) {
            if (type.name().equalsIgnoreCase(code.trim())) {
                return type;
            }
        }
        throw new UserInputException("--security-type must be one of " + Arrays.stream(SecurityType.values())
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '" + code + "'");
    }

    static String typeName(SecurityType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static Currency currency(String code) {
        return LedgerCommand.currencyOf(code);
    }

    /** A lower bound: a date means its 00:00 UTC, an ISO instant itself. */
    static Instant from(String option, String text) {
        return text == null ? null : instant(option, text, false);
    }

    /** An exclusive upper bound for an inclusive {@code --to}: after the whole date, or just after the instant. */
    static Instant until(String option, String text) {
        return text == null ? null : instant(option, text, true);
    }

    private static Instant instant(String option, String text, boolean after) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (after ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant time = OffsetDateTime.parse(text).toInstant();
            return after ? time.plusSeconds(1) : time;
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + " must be a date (2013-01-02) or an ISO-8601 time with a zone "
                    + "(2013-11-25T00:05:00Z), not '" + text + "'", e);
        }
    }

    /** The security {@code ticker} (on {@code exchange} when given) names; refuses none and an ambiguous ticker. */
    static Security security(SecurityRepository securities, String ticker, String exchange) {
        try {
            return securities.resolve(ticker, exchange).orElseThrow(() -> new UserInputException("no security " + ticker
                    + (exchange == null ? "" : " on " + exchange) + " in the database; import its bars first"));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage() + " (--exchange)", e);
        }
    }
}
