package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.marketdata.LastPrice;
import io.tradebook.core.marketdata.Quote;
import io.tradebook.core.money.Price;
import java.time.Instant;

/**
 * The current price of a symbol on the live feed: the last quote, or the last traded price, which
 * ever came last. A last price counts as a quote with bid and ask both at that price. Immutable.
 */
record LivePrice(Price bid, Price ask, Instant time) {

    static LivePrice of(Quote quote) {
        return new LivePrice(quote.bid(), quote.ask(), quote.time());
    }

    static LivePrice of(LastPrice last) {
        return new LivePrice(last.price(), last.price(), last.time());
    }

    /** What {@code side} trades at: the ask for a buy, the bid for a sell. */
    Price priceFor(Side side) {
        return side == Side.BUY ? ask : bid;
    }
}
