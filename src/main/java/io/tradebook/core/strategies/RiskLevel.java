package io.tradebook.core.strategies;

/** How risky the catalog says a strategy is; the names are the values of {@code strategies.risk_level}. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
