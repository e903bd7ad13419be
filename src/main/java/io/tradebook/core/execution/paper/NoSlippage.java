package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Price;

/** Fills at exactly the matched price. Immutable and stateless. */
public record NoSlippage() implements SlippageModel {

    @Override
    public Price adjust(Side side, Price price, Instrument instrument) {
        return price;
    }
}
