package io.tradebook.core.books;

import io.tradebook.core.money.Money;

/**
 * What one fill did to a strategy's holding in one symbol. Immutable.
 *
 * @param before           the open lifecycle before the fill, or null when the fill opened from flat
 * @param after            that lifecycle after the fill (closed when it reached zero)
 * @param opened           the opposite lifecycle opened by a fill that crossed zero, else null
 * @param signedCostChange the change of position cost, positive for long cost added or short cost removed
 * @param tradingPnl       the gross P&L realized by the reduction, before fees (zero for an increase)
 */
public record HoldingChange(Holding before, Holding after, Holding opened, Money signedCostChange, Money tradingPnl) {

    /** The lifecycle that is open after the fill, or null when the position is flat. */
    public Holding open() {
        if (opened != null) {
            return opened;
        }
        return after.isOpen() ? after : null;
    }

    /** The lifecycle this fill closed, or null. */
    public Holding closed() {
        return after.isOpen() ? null : after;
    }
}
