package io.tradebook.core.execution;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.money.Price;
import java.util.Optional;

/** The latest known price of a symbol, used to value orders and positions before they fill. */
@FunctionalInterface
public interface ReferencePrices {
    Optional<Price> latest(String symbol);

    /** The price to value a held position at: the latest price of its symbol, else its average price. */
    default Price markOf(AccountSnapshot.Position position) {
        return latest(position.symbol()).orElse(position.averagePrice());
    }
}
