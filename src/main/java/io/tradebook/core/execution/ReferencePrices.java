package io.tradebook.core.execution;

import io.tradebook.core.money.Price;
import java.util.Optional;

/** The latest known price of a symbol, used to value orders and positions before they fill. */
@FunctionalInterface
public interface ReferencePrices {
    Optional<Price> latest(String symbol);
}
