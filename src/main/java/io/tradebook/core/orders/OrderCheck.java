package io.tradebook.core.orders;

import io.tradebook.core.instruments.Instrument;
import java.util.Optional;

/**
 * Checks an order request against its instrument's trading rules: quantity (positive, lot
 * size, minimum), the prices its type needs (present, positive, on the tick) and no price its
 * type does not use. Returns the first problem as a reason and a message, or empty.
 */
public final class OrderCheck {
    private OrderCheck() {
    }

    /** A refusal: a named reason and a message with the numbers. */
    public record Problem(RejectReason reason, String message) {
    }

    public static Optional<Problem> check(OrderRequest r, Instrument instrument) {
        Optional<String> q = instrument.checkQuantity(r.quantity());
        if (q.isPresent()) {
            return Optional.of(new Problem(RejectReason.INVALID_QUANTITY, q.get()));
        }
        if (r.type().needsLimit() != (r.limitPrice() != null)) {
            return Optional.of(new Problem(RejectReason.INVALID_PRICE, r.type().needsLimit()
                    ? r.type() + " order needs a limit price" : r.type() + " order takes no limit price"));
        }
        if (r.type().needsStop() != (r.stopPrice() != null)) {
            return Optional.of(new Problem(RejectReason.INVALID_PRICE, r.type().needsStop()
                    ? r.type() + " order needs a stop price" : r.type() + " order takes no stop price"));
        }
        if (r.limitPrice() != null) {
            Optional<String> p = instrument.checkPrice(r.limitPrice(), "limit price");
            if (p.isPresent()) {
                return Optional.of(new Problem(RejectReason.INVALID_PRICE, p.get()));
            }
        }
        if (r.stopPrice() != null) {
            Optional<String> p = instrument.checkPrice(r.stopPrice(), "stop price");
            if (p.isPresent()) {
                return Optional.of(new Problem(RejectReason.INVALID_PRICE, p.get()));
            }
        }
        if (r.confidence() != null && (r.confidence().signum() < 0 || r.confidence().compareTo(java.math.BigDecimal.ONE) > 0)) {
            return Optional.of(new Problem(RejectReason.INVALID_QUANTITY, "confidence must be between 0 and 1"));
        }
        return Optional.empty();
    }
}
