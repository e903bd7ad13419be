package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Terse constructors for fills and money in book tests. */
final class BookFixtures {
    static final Currency USD = Currency.USD;
    static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");
    private static final AtomicLong IDS = new AtomicLong();

    private BookFixtures() {
    }

    static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    static Price price(String value) {
        return Price.of(value, USD);
    }

    static Fill fill(String account, String strategy, String symbol, Side side, String qty, String price, String fee, int minute) {
        return Fill.of("t" + IDS.incrementAndGet(), account, strategy, symbol, side, Quantity.of(qty), price(price),
                usd(fee), T0.plusSeconds(60L * minute));
    }

    static Fill buy(String strategy, String symbol, String qty, String price, String fee, int minute) {
        return fill("A", strategy, symbol, Side.BUY, qty, price, fee, minute);
    }

    static Fill sell(String strategy, String symbol, String qty, String price, String fee, int minute) {
        return fill("A", strategy, symbol, Side.SELL, qty, price, fee, minute);
    }
}
