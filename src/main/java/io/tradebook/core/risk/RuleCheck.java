package io.tradebook.core.risk;

import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderRequest;

/**
 * The computation behind one {@link RuleType}: given a rule, an order and the figures of the
 * rule's scope, what it observes and whether its limit is breached. Implementations are
 * stateless; the reducing-order exemption and the rule's state are the engine's business.
 */
interface RuleCheck {

    Observation observe(RiskRule rule, OrderRequest order, RiskContext scope);

    /** The check for {@code type}; the switch is exhaustive, so a new type does not compile without one. */
    static RuleCheck of(RuleType type) {
        return switch (type) {
            case MAX_POSITION_SIZE -> MaxPositionSizeRule.INSTANCE;
            case MAX_OPEN_POSITIONS -> MaxOpenPositionsRule.INSTANCE;
            case MAX_DAILY_LOSS -> MaxDailyLossRule.INSTANCE;
            case MAX_DRAWDOWN -> MaxDrawdownRule.INSTANCE;
            case MAX_ORDERS_PER_DAY -> MaxOrdersPerDayRule.INSTANCE;
            case MIN_CAPITAL_THRESHOLD -> MinCapitalThresholdRule.INSTANCE;
            case RISK_PER_TRADE -> RiskPerTradeRule.INSTANCE;
        };
    }

    /** The order's quantity signed by its side: positive for a buy, negative for a sell. */
    static Quantity signedQuantity(OrderRequest order) {
        return order.side().sign() > 0 ? order.quantity() : order.quantity().negate();
    }
}
