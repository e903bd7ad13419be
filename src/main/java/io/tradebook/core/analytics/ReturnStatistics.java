package io.tradebook.core.analytics;

/**
 * empyrical's return statistics, written out over an array of simple periodic returns. Each
 * method says which empyrical function it follows; {@code docs/metrics.md} gives the formulas.
 * Stateless.
 *
 * <p>Results are {@code double}: {@code NaN} where empyrical answers NaN (too few returns, a zero
 * denominator over a zero numerator) and an infinity where the ratio has a positive numerator
 * over a zero denominator. {@link Metric} carries these into the output. Sums run in array order
 * and powers use {@link StrictMath}, so the same input gives the same bits on every JVM.
 */
public final class ReturnStatistics {
    private ReturnStatistics() {
    }

    /** empyrical {@code cum_returns_final}: {@code Π(1 + r) − 1}; NaN without returns. */
    public static double cumulativeReturn(double[] r) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double growth = 1.0;
        for (double v : r) {
            growth *= 1.0 + v;
        }
        return growth - 1.0;
    }

    /**
     * empyrical {@code annual_return} / {@code cagr}: {@code (Π(1 + r))^(1 / years) − 1} with
     * {@code years = n / periodsPerYear}. NaN without returns, and when the growth is negative
     * (equity went below zero), where the power is not real.
     */
    public static double cagr(double[] r, double periodsPerYear) {
        if (r.length == 0) {
            return Double.NaN;
        }
        return cagrOfGrowth(cumulativeReturn(r) + 1.0, r.length, periodsPerYear);
    }

    /** {@code growth^(periodsPerYear / n) − 1}: the CAGR of a known growth factor over {@code n} periods. */
    static double cagrOfGrowth(double growth, int n, double periodsPerYear) {
        if (n == 0 || Double.isNaN(growth) || growth < 0) {
            return Double.NaN;
        }
        double years = n / periodsPerYear;
        return StrictMath.pow(growth, 1.0 / years) - 1.0;
    }

    /** empyrical {@code annual_volatility}: {@code std(r, ddof=1) × √periodsPerYear}; NaN with fewer than 2 returns. */
    public static double annualVolatility(double[] r, double periodsPerYear) {
        if (r.length < 2) {
            return Double.NaN;
        }
        return sampleStd(r, 0.0) * Math.sqrt(periodsPerYear);
    }

    /**
     * empyrical {@code sharpe_ratio}: {@code mean(r − rf) / std(r − rf, ddof=1) × √periodsPerYear},
     * {@code rf} per period. NaN with fewer than 2 returns; with zero deviation, NaN for a zero
     * mean and ±infinity otherwise (numpy's division, as in empyrical 0.5.5).
     */
    public static double sharpe(double[] r, double riskFreePerPeriod, double periodsPerYear) {
        if (r.length < 2) {
            return Double.NaN;
        }
        double mean = mean(r, riskFreePerPeriod);
        double std = sampleStd(r, riskFreePerPeriod);
        // Java divides as numpy does: 0/0 is NaN, x/0 a signed infinity.
        return mean / std * Math.sqrt(periodsPerYear);
    }

    /**
     * empyrical {@code downside_risk}: {@code √mean(min(r − required, 0)²) × √periodsPerYear}, the
     * mean over every return (those above the threshold count as zero). NaN without returns.
     */
    public static double downsideRisk(double[] r, double requiredPerPeriod, double periodsPerYear) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : r) {
            double d = Math.min(v - requiredPerPeriod, 0.0);
            sum += d * d;
        }
        return Math.sqrt(sum / r.length) * Math.sqrt(periodsPerYear);
    }

    /**
     * empyrical {@code sortino_ratio}: {@code mean(r − required) × periodsPerYear / downsideRisk}.
     * NaN with fewer than 2 returns; with no return below the threshold, +infinity for a positive
     * mean and NaN for a zero one.
     */
    public static double sortino(double[] r, double requiredPerPeriod, double periodsPerYear) {
        if (r.length < 2) {
            return Double.NaN;
        }
        double annualMean = mean(r, requiredPerPeriod) * periodsPerYear;
        return annualMean / downsideRisk(r, requiredPerPeriod, periodsPerYear);
    }

    /**
     * empyrical {@code max_drawdown}, as a positive fraction: the cumulative wealth starts at 100
     * before the first return, {@code W_i = 100 Π_(j≤i)(1 + r_j)}; the answer is
     * {@code max_i (peak_i − W_i) / peak_i} with {@code peak_i} the running maximum. 0 when it
     * never falls; NaN without returns. Above 1 only when equity went below zero.
     */
    public static double maxDrawdown(double[] r) {
        if (r.length == 0) {
            return Double.NaN;
        }
        double wealth = 100.0;
        double peak = wealth;
        double worst = 0.0;
        for (double v : r) {
            wealth *= 1.0 + v;
            peak = Math.max(peak, wealth);
            worst = Math.min(worst, (wealth - peak) / peak);
        }
        return -worst + 0.0;
    }

    /**
     * empyrical {@code calmar_ratio}: {@code cagr / maxDrawdown}. NaN when there is no drawdown or
     * no CAGR, and when the quotient is infinite.
     */
    public static double calmar(double[] r, double periodsPerYear) {
        double drawdown = maxDrawdown(r);
        if (!(drawdown > 0)) {
            return Double.NaN;
        }
        double value = cagr(r, periodsPerYear) / drawdown;
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    private static double mean(double[] r, double shift) {
        double sum = 0.0;
        for (double v : r) {
            sum += v - shift;
        }
        return sum / r.length;
    }

    /**
     * The sample standard deviation ({@code ddof=1}) of {@code r − shift}, two-pass. A series
     * whose values are all equal has a deviation of exactly zero: without this, the rounding of
     * the mean would leave a tiny deviation and an absurd Sharpe ratio for a constant series.
     */
    static double sampleStd(double[] r, double shift) {
        boolean constant = true;
        for (int i = 1; i < r.length && constant; i++) {
            constant = r[i] == r[0];
        }
        if (constant) {
            return 0.0;
        }
        double m = mean(r, shift);
        double sum = 0.0;
        for (double v : r) {
            double d = v - shift - m;
            sum += d * d;
        }
        return Math.sqrt(sum / (r.length - 1));
    }
}
