package io.tradebook.core.execution.paper;

import io.tradebook.core.execution.BrokerException;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderType;
import java.util.Optional;

/**
 * The paper broker's own check of an order's terms, as a real broker would make it: quantity on
 * the instrument's lot and above its minimum, exactly the prices its type uses, each on the tick.
 * A failure is a {@link BrokerException} that is not transient. Stateless.
 */
final class PaperTerms {
    private PaperTerms() {
    }

    static void check(String orderId, Instrument instrument, OrderType type, Quantity quantity, Price limit, Price stop)
            throws BrokerException {
        Optional<String> problem = instrument.checkQuantity(quantity);
        if (problem.isEmpty() && type.needsLimit() != (limit != null)) {
            problem = Optional.of(type + (type.needsLimit() ? " needs a limit price" : " takes no limit price"));
        }
        if (problem.isEmpty() && type.needsStop() != (stop != null)) {
            problem = Optional.of(type + (type.needsStop() ? " needs a stop price" : " takes no stop price"));
        }
        if (problem.isEmpty() && limit != null) {
            problem = instrument.checkPrice(limit, "limit price");
        }
        if (problem.isEmpty() && stop != null) {
            problem = instrument.checkPrice(stop, "stop price");
        }
        if (problem.isPresent()) {
            throw new BrokerException("the paper broker refuses order " + orderId + ": " + problem.get(), false);
        }
    }
}
