package io.tradebook.core.analytics;

import io.tradebook.core.books.PositionSide;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Terse equity curves and round trips for analytics tests. */
public final class AnalyticsFixtures {
    public static final Instant DAY0 = Instant.parse("2024-01-02T00:00:00Z");

    private AnalyticsFixtures() {
    }

    /** A curve with one point a day from 2024-01-02, at the given equities. */
    public static EquityCurve daily(String... equities) {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD);
        for (int i = 0; i < equities.length; i++) {
            b.append(DAY0.plusSeconds(86_400L * i), new BigDecimal(equities[i]));
        }
        return b.build();
    }

    public static Instant day(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A finished long round trip of {@code strategy} in {@code symbol} with net P&L {@code pnl} and fees {@code fees}. */
    public static RoundTrip trip(String strategy, String symbol, String pnl, String fees, Instant entry, Instant exit) {
        return new RoundTrip("A", strategy, symbol, PositionSide.LONG, Price.of("100", Currency.USD), Price.of("101", Currency.USD),
                Quantity.of(10), entry, exit, Money.of(pnl, Currency.USD), Money.of(fees, Currency.USD), null);
    }

    public static RoundTrip trip(String pnl) {
        return trip("s", "AAPL", pnl, "1", DAY0, DAY0.plusSeconds(86_400));
    }
}
