package io.tradebook.core.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A risk rule refused an order (seed 003/004 risk violations): which rule, which order, the limit,
 * what was observed, and the message that names them. Immutable.
 */
public record RiskEvent(String account, String ruleId, String ruleType, String orderId, BigDecimal limit, BigDecimal observed,
                        String message, Instant time) {
    public RiskEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(ruleType, "ruleType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }
}
