package io.tradebook.core.ideas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The deterministic trade-idea analyser: it backtests the idea's basket over stored daily closes
 * and says what the history suggests. The basket holds each leg at its allocation (a percentage of
 * the capital, long or short; what is not allocated is cash earning nothing), rebalanced to those
 * weights every day, over the days on which every leg has a close. From that daily series:
 *
 * <ul>
 * <li>return estimates for 1 month, 3, 6 months, 1 and 3 years (21, 63, 126, 252, 756 trading days):
 *     the mean compounded return of every window of that length in the history (null when the
 *     history is shorter);</li>
 * <li>volatility: the sample standard deviation of the daily returns times √252;</li>
 * <li>a risk level from it: LOW below 15%, MODERATE below 30%, HIGH from 30%;</li>
 * <li>a recommendation from the longest estimate up to a year and its ratio to the volatility:
 *     RECOMMENDED when it is positive, at least half the volatility and the risk is not HIGH;
 *     CONDITIONAL when it is positive; NOT_RECOMMENDED otherwise; with a rationale in words.</li>
 * </ul>
 *
 * The same legs and closes always give the same analysis, to the digit: arithmetic is in
 * {@code double} over the closes in time order, and results are rounded to 10 significant digits.
 * Refuses (IllegalArgumentException) no legs, a leg without closes, and fewer than 22 common days.
 * Stateless.
 */
public final class BasketAnalyser {
    /** The analyser's name, stored with each analysis. */
    public static final String NAME = "basket-history-v1";
    static final int[] HORIZONS = {21, 63, 126, 252, 756};
    static final String[] HORIZON_NAMES = {"1m", "3m", "6m", "1y", "3y"};
    private static final double LOW = 0.15;
    private static final double HIGH = 0.30;
    private static final MathContext DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    /** A leg: its symbol, LONG or SHORT, and its allocation in percent (above 0, at most 100). Immutable. */
    public record Leg(String symbol, boolean isLong, BigDecimal allocationPercent) {
        public Leg {
            Objects.requireNonNull(symbol, "symbol");
            if (allocationPercent == null || allocationPercent.signum() <= 0 || allocationPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a leg's allocation is a percentage above 0 and at most 100: " + allocationPercent);
            }
        }
    }

    /** One daily close. Immutable. */
    public record Close(Instant time, BigDecimal price) {
    }

    public enum RiskLevel { LOW, MODERATE, HIGH }

    public enum Recommendation { RECOMMENDED, CONDITIONAL, NOT_RECOMMENDED }

    /**
     * The analysis. Estimates by horizon name (1m, 3m, 6m, 1y, 3y; a value null when the history is
     * too short), fractions (0.05 = 5%). Immutable.
     */
    public record Analysis(Map<String, BigDecimal> returnEstimates, BigDecimal volatility, RiskLevel riskLevel,
                           Recommendation recommendation, String rationale, Instant from, Instant to, int days) {
    }

    private BasketAnalyser() {
    }

    /** Analyses {@code legs} over {@code closes} (each leg's daily closes, by symbol, in any order). */
    public static Analysis analyse(List<Leg> legs, Map<String, List<Close>> closes) {
        if (legs == null || legs.isEmpty()) {
            throw new IllegalArgumentException("an idea needs at least one leg to analyse");
        }
        TreeMap<Instant, double[]> common = new TreeMap<>();
        for (int i = 0; i < legs.size(); i++) {
            List<Close> series = closes.get(legs.get(i).symbol());
            if (series == null || series.isEmpty()) {
                throw new IllegalArgumentException("no daily closes of " + legs.get(i).symbol());
            }
            TreeMap<Instant, double[]> next = new TreeMap<>();
            for (Close c : series) {
                if (i == 0) {
                    double[] row = new double[legs.size()];
                    row[0] = c.price().doubleValue();
                    next.put(c.time(), row);
                } else if (common.containsKey(c.time())) {
                    double[] row = common.get(c.time());
                    row[i] = c.price().doubleValue();
                    next.put(c.time(), row);
                }
            }
            common = next;
        }
        if (common.size() < HORIZONS[0] + 1) {
            throw new IllegalArgumentException("the legs have " + common.size() + " days of closes in common; at least "
                    + (HORIZONS[0] + 1) + " are needed");
        }
        double[] weights = new double[legs.size()];
        StringBuilder basket = new StringBuilder();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            weights[i] = (leg.isLong() ? 1 : -1) * leg.allocationPercent().doubleValue() / 100.0;
            basket.append(i == 0 ? "" : ", ").append(leg.isLong() ? "long " : "short ").append(leg.symbol()).append(' ')
                    .append(leg.allocationPercent().stripTrailingZeros().toPlainString()).append('%');
        }
        List<double[]> rows = new ArrayList<>(common.values());
        double[] daily = new double[rows.size() - 1];
        for (int t = 1; t < rows.size(); t++) {
            double r = 0;
            for (int i = 0; i < weights.length; i++) {
                r += weights[i] * (rows.get(t)[i] / rows.get(t - 1)[i] - 1);
            }
            daily[t - 1] = r;
        }
        Map<String, BigDecimal> estimates = new java.util.LinkedHashMap<>();
        for (int h = 0; h < HORIZONS.length; h++) {
            estimates.put(HORIZON_NAMES[h], daily.length < HORIZONS[h] ? null : round(meanWindowReturn(daily, HORIZONS[h])));
        }
        double volatility = stdev(daily) * Math.sqrt(252);
        RiskLevel risk = volatility < LOW ? RiskLevel.LOW : volatility < HIGH ? RiskLevel.MODERATE : RiskLevel.HIGH;
        String basis = null;
        BigDecimal estimate = null;
        for (int h = 0; h < HORIZONS.length && HORIZONS[h] <= 252; h++) {
            if (estimates.get(HORIZON_NAMES[h]) != null) {
                basis = HORIZON_NAMES[h];
                estimate = estimates.get(basis);
            }
        }
        double annualised = estimate.doubleValue() * 252.0 / horizonDays(basis);
        double ratio = volatility == 0 ? (annualised > 0 ? Double.POSITIVE_INFINITY : 0) : annualised / volatility;
        Recommendation recommendation = annualised > 0 && ratio >= 0.5 && risk != RiskLevel.HIGH ? Recommendation.RECOMMENDED
                : annualised > 0 ? Recommendation.CONDITIONAL : Recommendation.NOT_RECOMMENDED;
        Instant from = common.firstKey();
        Instant to = common.lastKey();
        String rationale = String.format(Locale.ROOT, "Backtest of the basket (%s, rebalanced daily) over %d days of closes from %s to %s: "
                        + "over %s it returned %s on average (mean of every window), with annualised volatility %s, so the risk is %s. "
                        + "The return per unit of risk is %.2f; %s.", basket, rows.size(), from.toString().substring(0, 10),
                to.toString().substring(0, 10), basis, percent(estimate.doubleValue()), percent(volatility), risk, ratio,
                switch (recommendation) {
                    case RECOMMENDED -> "the history supports the idea";
                    case CONDITIONAL -> "the history shows a gain, but "
                            + (risk == RiskLevel.HIGH ? "the risk is high" : "small for its risk") + ": size it with care";
                    case NOT_RECOMMENDED -> "the history does not show a gain";
                });
        return new Analysis(estimates, round(volatility), risk, recommendation, rationale, from, to, rows.size());
    }

    private static int horizonDays(String name) {
        for (int h = 0; h < HORIZONS.length; h++) {
            if (HORIZON_NAMES[h].equals(name)) {
                return HORIZONS[h];
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The mean of the compounded returns of every window of {@code h} consecutive daily returns. */
    static double meanWindowReturn(double[] daily, int h) {
        double sum = 0;
        int windows = daily.length - h + 1;
        for (int k = 0; k < windows; k++) {
            double growth = 1;
            for (int t = k; t < k + h; t++) {
                growth *= 1 + daily[t];
            }
            sum += growth - 1;
        }
        return sum / windows;
    }

    static double stdev(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static BigDecimal round(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the closes give a return that is not a number (a close of 0?)");
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        return rounded.scale() > 10 ? rounded.setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros() : rounded;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
