package io.tradebook.core.risk;

import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.orders.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a pre-trade check: {@link Approved}, or {@link Denied} by one rule with a message
 * that names the rule and the numbers. A denial is an expected outcome, returned as a value;
 * the order path records it as a REJECTED order with {@link RejectReason#RISK_RULE}. Immutable.
 */
public sealed interface RiskDecision permits RiskDecision.Approved, RiskDecision.Denied {

    /** The one approval. */
    RiskDecision APPROVED = new Approved();

    boolean approved();

    /** Every applicable rule passed, or the order only reduces the position each rule watches. */
    record Approved() implements RiskDecision {
        @Override
        public boolean approved() {
            return true;
        }
    }

    /**
     * The first applicable rule that refused the order.
     *
     * @param message  e.g. {@code MAX_POSITION_SIZE: position in AAPL would be 150 units, limit 100 (account rule r-1)}
     * @param observed the figure the rule compared with its limit, in the rule's unit; null when it
     *                 could not be measured (no reference price, no positive base)
     */
    record Denied(RiskRule rule, String message, BigDecimal observed) implements RiskDecision {
        public Denied {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean approved() {
            return false;
        }

        /** Always {@link RejectReason#RISK_RULE}: the rule and its message say which and why. */
        public RejectReason reason() {
            return RejectReason.RISK_RULE;
        }

        /** A RISK_ALERT (WARNING) for the account's owner, with the rule, limit and observed value as data. */
        public Notification alert(Instant time) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("rule_id", rule.id());
            data.put("rule_type", rule.type().name());
            data.put("rule_unit", rule.unit().name());
            data.put("limit", Observation.plain(rule.limit()));
            if (observed != null) {
                data.put("observed", Observation.plain(observed));
            }
            if (rule.strategy() != null) {
                data.put("strategy", rule.strategy());
            }
            return new Notification(rule.account(), NotificationType.RISK_ALERT, AlertLevel.WARNING,
                    "Order denied by " + rule.type(), message, data, time);
        }
    }
}
