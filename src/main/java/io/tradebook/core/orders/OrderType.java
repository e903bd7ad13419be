package io.tradebook.core.orders;

/** How an order is priced: at market, at a limit, or triggered by a stop (then at market or at a limit). */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    /** Stop-market: once the market trades at or through the stop, it acts as a market order. */
    STOP_LOSS(false, true),
    /** Once the market trades at or through the stop, it acts as a limit order. */
    STOP_LIMIT(true, true);

    private final boolean needsLimit;
    private final boolean needsStop;

    OrderType(boolean needsLimit, boolean needsStop) {
        this.needsLimit = needsLimit;
        this.needsStop = needsStop;
    }

    public boolean needsLimit() {
        return needsLimit;
    }

    public boolean needsStop() {
        return needsStop;
    }
}
