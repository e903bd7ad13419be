package io.tradebook.core.analytics;

import java.util.Objects;

/**
 * How returns are measured and annualised: the {@link Sampling} of the equity curve, the periods
 * in a year (252 for daily returns), the risk-free return per period (Sharpe) and the required
 * return per period (Sortino's threshold). Immutable.
 *
 * <p>Refuses a periods-per-year that is not positive and finite, and rates that are not finite or
 * at or below −1. Rates are per period: an annual rate {@code R} is {@code (1 + R)^(1/252) − 1}
 * per day.
 */
public record MetricSettings(Sampling sampling, double periodsPerYear, double riskFreePerPeriod, double requiredReturnPerPeriod) {

    /** Trading days in a year (empyrical's {@code APPROX_BDAYS_PER_YEAR}). */
    public static final double TRADING_DAYS_PER_YEAR = 252;

    public MetricSettings {
        Objects.requireNonNull(sampling, "sampling");
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periods per year must be positive: " + periodsPerYear);
        }
        requireRate(riskFreePerPeriod, "risk-free return per period");
        requireRate(requiredReturnPerPeriod, "required return per period");
    }

    private static void requireRate(double rate, String what) {
        if (!Double.isFinite(rate) || rate <= -1) {
            throw new IllegalArgumentException(what + " must be a finite fraction above -1: " + rate);
        }
    }

    /** Daily returns (the last equity of each UTC day), 252 periods a year, risk-free rate 0. */
    public static MetricSettings daily() {
        return new MetricSettings(Sampling.DAILY, TRADING_DAYS_PER_YEAR, 0, 0);
    }

    /** These settings with a risk-free return per period. */
    public MetricSettings withRiskFree(double perPeriod) {
        return new MetricSettings(sampling, periodsPerYear, perPeriod, requiredReturnPerPeriod);
    }

    /** These settings with periods per year (365 for crypto traded every day). */
    public MetricSettings withPeriodsPerYear(double periods) {
        return new MetricSettings(sampling, periods, riskFreePerPeriod, requiredReturnPerPeriod);
    }
}
