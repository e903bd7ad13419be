package io.tradebook.research;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A backtest as asked through the API, before it is checked: strategies of the catalog (each with
 * parameter values, an optional name and an optional segregated allocation, a fraction of the
 * cash), the symbols whose stored bars it runs over, the timeframe (default 1d), an optional
 * period ({@code from} and {@code to} inclusive: dates such as 2019-01-02 or ISO-8601 times), the
 * starting cash and the paper broker's costs. Immutable; {@link BacktestPlanner} checks it.
 */
public record BacktestRequest(List<StrategyRequest> strategies, List<String> symbols, String timeframe, String from, String to,
                              BigDecimal cash, String accountType, BigDecimal commissionBps, BigDecimal commissionPerOrder,
                              BigDecimal slippageBps) {

    /** One strategy of the run. {@code symbols} narrows what it trades (default: every symbol of the run). */
    public record StrategyRequest(String strategy, String name, Map<String, String> parameters, BigDecimal allocation,
                                  List<String> symbols) {
    }
}
