package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Price;

/**
 * How far a simulated fill lands from the market price it was matched at. Always adverse to the
 * trader: a buy pays at least {@code price}, a sell receives at most {@code price}. The paper
 * broker rounds the result to the instrument's tick (adversely) and never lets it pass a limit
 * price, so a model need not care about either.
 */
public interface SlippageModel {

    /** The price a fill of {@code side} gets when the market is at {@code price}. */
    Price adjust(Side side, Price price, Instrument instrument);
}
