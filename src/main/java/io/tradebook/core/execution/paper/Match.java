package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Price;

/**
 * What one market event does to one working order: whether its stop has now triggered, and the
 * market price it fills at before slippage, or null when it does not fill. Immutable.
 */
record Match(Price price, boolean triggered) {

    static Match none(boolean triggered) {
        return new Match(null, triggered);
    }

    static Match at(Price price, boolean triggered) {
        return new Match(price, triggered);
    }

    boolean fills() {
        return price != null;
    }
}
