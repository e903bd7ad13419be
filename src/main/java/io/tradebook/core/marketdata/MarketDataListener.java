package io.tradebook.core.marketdata;

/**
 * Receives market data as it arrives: quotes, last prices and completed bars. The paper broker
 * is one; a price feed fans its events out to every subscribed listener, in the order it received
 * them. Implementations decide for themselves whether they are thread-safe.
 */
public interface MarketDataListener {

    /** A new best bid and ask. */
    void onQuote(Quote quote);

    /** A new last traded (or manually set) price. */
    void onLastPrice(LastPrice lastPrice);

    /** A completed bar: its open, high, low, close and volume are all known. */
    void onBar(Bar bar);
}
