package io.tradebook.core.orders;

/** Why an order was refused: a named reason, carried on the order with a message that gives the numbers. */
public enum RejectReason {
    UNKNOWN_INSTRUMENT,
    INVALID_QUANTITY,
    INVALID_PRICE,
    STRATEGY_NOT_ACTIVE,
    INSUFFICIENT_BUYING_POWER,
    SHORT_SELLING_NOT_ALLOWED,
    RISK_RULE,
    NO_MARKET_PRICE,
    BROKER_REJECTED,
    BROKER_UNAVAILABLE
}
