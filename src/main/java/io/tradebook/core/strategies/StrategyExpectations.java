package io.tradebook.core.strategies;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the catalog tells a user to expect of a strategy: a yearly return and a maximum drawdown,
 * both fractions (0.07 is 7%), and where the figures come from. They fill the
 * {@code expected_return_annual} and {@code max_drawdown} columns of the {@code strategies} table
 * (seed 004). For the built-ins they are the CAGR and maximum drawdown of a reference backtest
 * (docs/strategies.md), measured and pinned by a test: a record of the past, not a forecast.
 * Immutable.
 *
 * <p>Refuses a yearly return of −1 or less (more than everything lost), a drawdown outside
 * [0, 1], and a blank basis.
 *
 * @param annualReturn the compound yearly return, a fraction
 * @param maxDrawdown  the largest fall from a peak, a positive fraction (0.25 = 25%)
 * @param basis        where the figures come from, e.g. the reference run
 */
public record StrategyExpectations(BigDecimal annualReturn, BigDecimal maxDrawdown, String basis) {

    public StrategyExpectations {
        Objects.requireNonNull(annualReturn, "annualReturn");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
        if (annualReturn.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new IllegalArgumentException("an expected yearly return must be above -1, not " + annualReturn.toPlainString());
        }
        if (maxDrawdown.signum() < 0 || maxDrawdown.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a maximum drawdown is a fraction from 0 to 1, not " + maxDrawdown.toPlainString());
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("expectations need a basis: where the figures come from");
        }
    }

    /** The basis of every built-in's figures. */
    static final String REFERENCE_RUN = "reference run: SPX daily 2000-01-03..2020-04-17, 100000 USD, default parameters, no costs";

    /** A built-in's figures from its reference run, given as decimal strings. */
    static StrategyExpectations referenceRun(String annualReturn, String maxDrawdown) {
        return new StrategyExpectations(new BigDecimal(annualReturn), new BigDecimal(maxDrawdown), REFERENCE_RUN);
    }
}
