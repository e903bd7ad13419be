package io.tradebook.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * empyrical's formulas on series whose answers were worked out independently: by hand for the
 * round numbers, with {@code bc -l} at 40 digits, and with empyrical's code written out in numpy
 * for a longer series (the programs are in the comments, so anyone can re-run them).
 */
class ReturnStatisticsTest {
    private static final double EPS = 1e-12;

    /** Equity 100, 110, 99, 108.9, 119.79: returns +10%, −10%, +10%, +10%. */
    private static final double[] ROUND = {0.1, -0.1, 0.1, 0.1};

    @Test
    void aSeriesWithRoundNumbersByHand() {
        // mean = 0.2 / 4 = 0.05; deviations .05 −.15 .05 .05; squares sum 0.03; / (n−1) = 0.01; std = 0.1
        assertThat(ReturnStatistics.annualVolatility(ROUND, 252)).isCloseTo(0.1 * Math.sqrt(252), within(EPS));
        // sharpe = 0.05 / 0.1 × √252 = 0.5 × 15.874507866387543 = 7.937253933193772
        assertThat(ReturnStatistics.sharpe(ROUND, 0, 252)).isCloseTo(7.937253933193772, within(EPS));
        // rf 1% a period: mean(r − rf) = 0.04, same std: 0.4 × √252
        assertThat(ReturnStatistics.sharpe(ROUND, 0.01, 252)).isCloseTo(6.349803146555018, within(EPS));
        // downside: min(r, 0)² = 0, .01, 0, 0; mean .0025; √ = .05; × √252 = 0.7937253933193772
        assertThat(ReturnStatistics.downsideRisk(ROUND, 0, 252)).isCloseTo(0.7937253933193772, within(EPS));
        // sortino = 0.05 × 252 / (0.05 × √252) = √252
        assertThat(ReturnStatistics.sortino(ROUND, 0, 252)).isCloseTo(Math.sqrt(252), within(EPS));
        // wealth 100 → 110 → 99: (99 − 110) / 110 = −0.1, then new highs
        assertThat(ReturnStatistics.maxDrawdown(ROUND)).isCloseTo(0.1, within(EPS));
        // Π(1 + r) = 1.1 × 0.9 × 1.1 × 1.1 = 1.1979
        assertThat(ReturnStatistics.cumulativeReturn(ROUND)).isCloseTo(0.1979, within(EPS));
        // years = 4 / 252; cagr = 1.1979^63 − 1; bc: e(63*l(1.1979))-1 = 87194.80461918565894...
        assertThat(ReturnStatistics.cagr(ROUND, 252)).isCloseTo(87194.80461918566, within(87194.8 * 1e-12));
        assertThat(ReturnStatistics.calmar(ROUND, 252)).isCloseTo(871948.0461918566, within(871948.0 * 1e-12));
    }

    /**
     * Equity 100, 102, 101, 104, 99, 103, 106. With bc -l, scale=40:
     * <pre>
     * r[i] = e[i]/e[i-1] - 1;  m = Σr/6;  sd = sqrt(Σ(r-m)^2/5);  dr = sqrt(Σ_{r<0} r^2 / 6)
     * mean     .0102253966079587648026616423741687381700
     * std      .0332963789009729607235303047555456623508
     * vol      sd*sqrt(252)          = .5285636287857154967076671739495842485731
     * sharpe   m/sd*sqrt(252)        = 4.8750988620336320349098929691765163352582
     * sharpe, rf = 0.0001            = 4.8274224828285537580677739207277974082367
     * downside dr*sqrt(252)          = .3179863381468824109400170992656124007295
     * sortino  m*252/(dr*sqrt(252))  = 8.1034926224262760523193319567934832647600
     * cagr     e(l(1.06)*252/6)-1    = 10.5570326741546686145754028899385134555807
     * mdd      (104-99)/104          = .0480769230769230769230769230769230769230
     * calmar   cagr/mdd              = 219.5862796224171071831683801107210798764298
     * </pre>
     */
    @Test
    void aSeriesCheckedWithBc() {
        double[] e = {100, 102, 101, 104, 99, 103, 106};
        double[] r = new double[6];
        for (int i = 1; i < e.length; i++) {
            r[i - 1] = e[i] / e[i - 1] - 1;
        }
        assertThat(ReturnStatistics.annualVolatility(r, 252)).isCloseTo(0.5285636287857155, within(EPS));
        assertThat(ReturnStatistics.sharpe(r, 0, 252)).isCloseTo(4.875098862033632, within(EPS));
        assertThat(ReturnStatistics.sharpe(r, 0.0001, 252)).isCloseTo(4.827422482828554, within(EPS));
        assertThat(ReturnStatistics.downsideRisk(r, 0, 252)).isCloseTo(0.3179863381468824, within(EPS));
        assertThat(ReturnStatistics.sortino(r, 0, 252)).isCloseTo(8.103492622426276, within(EPS));
        assertThat(ReturnStatistics.cagr(r, 252)).isCloseTo(10.557032674154669, within(1e-11));
        assertThat(ReturnStatistics.maxDrawdown(r)).isCloseTo(0.04807692307692308, within(EPS));
        assertThat(ReturnStatistics.calmar(r, 252)).isCloseTo(219.58627962241711, within(1e-9));
    }

    /**
     * A 250-day series checked against empyrical 0.5.5's code written out in numpy 2.4 (the
     * program below, run once; Python is not needed to run the tests):
     * <pre>
     * i = np.arange(250); r = 0.01*np.sin(i*0.7) + 0.0005 - 0.004*np.cos(i*1.3); ann = 252
     * cum = np.nanprod(r + 1);               cagr = cum ** (1/(len(r)/ann)) - 1
     * vol = np.nanstd(r, ddof=1) * ann**0.5; sharpe = np.nanmean(r - 0.0001) / np.nanstd(r - 0.0001, ddof=1) * np.sqrt(ann)
     * d = np.clip(r, -np.inf, 0);            dr = np.sqrt(np.nanmean(d**2)) * np.sqrt(ann);  sortino = np.nanmean(r) * ann / dr
     * c = 100 prepended to 100*np.cumprod(1 + r);  mdd = np.nanmin((c - np.fmax.accumulate(c)) / np.fmax.accumulate(c))
     * calmar = cagr / abs(mdd)
     * </pre>
     */
    @Test
    void aLongerSeriesAgreesWithEmpyricalInNumpy() {
        double[] r = new double[250];
        for (int i = 0; i < r.length; i++) {
            r[i] = 0.01 * Math.sin(i * 0.7) + 0.0005 - 0.004 * Math.cos(i * 1.3);
        }
        assertThat(ReturnStatistics.cumulativeReturn(r)).isCloseTo(0.1360018559196794, within(1e-13));
        assertThat(ReturnStatistics.cagr(r, 252)).isCloseTo(0.13716130500300028, within(1e-13));
        assertThat(ReturnStatistics.annualVolatility(r, 252)).isCloseTo(0.1211572586135713, within(1e-13));
        assertThat(ReturnStatistics.sharpe(r, 0.0001, 252)).isCloseTo(0.9134804252873029, within(1e-12));
        assertThat(ReturnStatistics.downsideRisk(r, 0, 252)).isCloseTo(0.08044704727533485, within(1e-13));
        assertThat(ReturnStatistics.sortino(r, 0, 252)).isCloseTo(1.6889965353225354, within(1e-12));
        assertThat(ReturnStatistics.maxDrawdown(r)).isCloseTo(0.0297712375890018, within(1e-13));
        assertThat(ReturnStatistics.calmar(r, 252)).isCloseTo(4.607175116350249, within(1e-11));
        assertThat(Metric.of(ReturnStatistics.sortino(r, 0, 252)).plain()).isEqualTo("1.688996535");
    }

    @Test
    void theRequiredReturnMovesSortinosThreshold() {
        // required 0.05: r − 0.05 = .05, −.15, .05, .05; their mean is 0, so sortino is 0
        assertThat(ReturnStatistics.sortino(ROUND, 0.05, 252)).isCloseTo(0.0, within(EPS));
        // downside at 0.05: min(.,0)² = 0, .0225, 0, 0; mean .005625; √ = .075; × √252
        assertThat(ReturnStatistics.downsideRisk(ROUND, 0.05, 252)).isCloseTo(0.075 * Math.sqrt(252), within(EPS));
    }

    @Test
    void tooFewReturnsAreUndefinedAsInEmpyrical() {
        double[] none = {};
        double[] one = {0.02};
        assertThat(ReturnStatistics.cumulativeReturn(none)).isNaN();
        assertThat(ReturnStatistics.cagr(none, 252)).isNaN();
        assertThat(ReturnStatistics.maxDrawdown(none)).isNaN();
        assertThat(ReturnStatistics.calmar(none, 252)).isNaN();
        assertThat(ReturnStatistics.downsideRisk(none, 0, 252)).isNaN();
        // one return: growth and drawdown are defined, dispersion is not (ddof = 1)
        assertThat(ReturnStatistics.cagr(one, 252)).isCloseTo(Math.pow(1.02, 252) - 1, within(1e-9));
        assertThat(ReturnStatistics.maxDrawdown(one)).isZero();
        assertThat(ReturnStatistics.annualVolatility(one, 252)).isNaN();
        assertThat(ReturnStatistics.sharpe(one, 0, 252)).isNaN();
        assertThat(ReturnStatistics.sortino(one, 0, 252)).isNaN();
    }

    @Test
    void zeroDeviationGivesNumpysQuotients() {
        double[] flat = {0.0, 0.0, 0.0};
        assertThat(ReturnStatistics.annualVolatility(flat, 252)).isZero();
        assertThat(ReturnStatistics.sharpe(flat, 0, 252)).as("0 / 0").isNaN();
        assertThat(ReturnStatistics.sortino(flat, 0, 252)).as("0 / 0").isNaN();
        assertThat(ReturnStatistics.maxDrawdown(flat)).isZero();
        assertThat(ReturnStatistics.calmar(flat, 252)).as("no drawdown").isNaN();
        double[] doubling = {1.0, 1.0};
        assertThat(ReturnStatistics.sharpe(doubling, 0, 252)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ReturnStatistics.sortino(doubling, 0, 252)).as("nothing below 0").isEqualTo(Double.POSITIVE_INFINITY);
        double[] halving = {-0.5, -0.5};
        assertThat(ReturnStatistics.sharpe(halving, 0, 252)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ReturnStatistics.sortino(halving, 0, 252)).as("a real downside").isCloseTo(-0.5 * 252 / (0.5 * Math.sqrt(252)), within(EPS));
    }

    @Test
    void aNearlyConstantSeriesIsNotTreatedAsConstant() {
        double[] r = {0.01, 0.01, 0.010000000000000002};
        assertThat(ReturnStatistics.sampleStd(r, 0)).isGreaterThan(0).isLessThan(1e-17);
    }

    @Test
    void drawdownToZeroIsTotalAndBelowZeroIsMore() {
        // 100 → 50 → 0: wealth 50 then 0; (0 − 100) / 100 = −1
        assertThat(ReturnStatistics.maxDrawdown(new double[] {-0.5, -1.0})).isEqualTo(1.0);
        assertThat(ReturnStatistics.cagr(new double[] {-0.5, -1.0}, 252)).as("0^(126) − 1").isEqualTo(-1.0);
        assertThat(ReturnStatistics.calmar(new double[] {-0.5, -1.0}, 252)).isEqualTo(-1.0);
        // 100 → −50: r = −1.5, wealth −50, drawdown 1.5; the growth −0.5 has no real root
        assertThat(ReturnStatistics.maxDrawdown(new double[] {-1.5})).isEqualTo(1.5);
        assertThat(ReturnStatistics.cagr(new double[] {-1.5}, 252)).isNaN();
        assertThat(ReturnStatistics.calmar(new double[] {-1.5}, 252)).isNaN();
    }

    @Test
    void theDrawdownCountsFromTheStartingValueLikeEmpyrical() {
        // empyrical prepends the starting value 100: a first-day loss is a drawdown
        assertThat(ReturnStatistics.maxDrawdown(new double[] {-0.2, 0.1})).isCloseTo(0.2, within(EPS));
    }
}
