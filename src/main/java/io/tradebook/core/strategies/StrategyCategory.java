package io.tradebook.core.strategies;

import java.util.Locale;

/** The kinds of strategy the catalog knows; {@link #code()} is the value of {@code strategies.category}. */
public enum StrategyCategory {
    TREND, MEAN_REVERSION, MOMENTUM, BREAKOUT, VOLATILITY, ARBITRAGE, MARKET_MAKING, PORTFOLIO, MANUAL, OTHER;

    /** The lower-case code the schema uses: {@code trend}, {@code mean_reversion}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
