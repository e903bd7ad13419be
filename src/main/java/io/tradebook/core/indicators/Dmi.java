package io.tradebook.core.indicators;

import java.util.List;

/**
 * Wilder's directional movement system (+DI, −DI, ADX), exactly as TTR's {@code ADX} and TA-Lib
 * compute it.
 *
 * <p>From the second bar on, with {@code up = high - previous high} and
 * {@code down = previous low - low}: {@code +DM = up} if {@code up > down} and {@code up > 0},
 * else 0; {@code −DM = down} if {@code down > up} and {@code down > 0}, else 0; the true range is
 * {@link Atr}'s. Each of +DM, −DM and TR is accumulated with Wilder's running sum, seeded with the
 * plain sum of its first {@code n − 1} values and then {@code sum = x + sum × (n−1)/n}. From bar
 * {@code n + 1} on, {@code +DI = 100 × sum(+DM) / sum(TR)}, {@code −DI} likewise, and
 * {@code DX = 100 × |+DI − −DI| / (+DI + −DI)}. The ADX is Wilder's smoothing of DX
 * ({@code alpha = 1/n}) seeded with the mean of the first {@code n} DX values: defined from bar
 * {@code 2n} on. Where TTR divides zero by zero (no range at all, or +DI = −DI = 0), the DI or DX
 * is 0 here. Mutable; refuses a period below 1 and a bar whose high is below its low.
 */
public final class Dmi implements Indicator {
    private final int period;
    private final WilderSum plusMovement;
    private final WilderSum minusMovement;
    private final WilderSum trueRange;
    private final SeededAverage adxAverage;
    private final Output plusDi;
    private final Output minusDi;
    private final Output adx;
    private final List<Output> outputs;
    private boolean started;
    private double lastHigh;
    private double lastLow;
    private double lastClose;

    public Dmi(int period) {
        this.period = Argument.period("n", period);
        this.plusMovement = new WilderSum(period);
        this.minusMovement = new WilderSum(period);
        this.trueRange = new WilderSum(period);
        this.adxAverage = SeededAverage.wilder(period);
        this.plusDi = new Output("plus_di_" + period);
        this.minusDi = new Output("minus_di_" + period);
        this.adx = new Output("adx_" + period);
        this.outputs = List.of(plusDi, minusDi, adx);
    }

    @Override
    public void update(double high, double low, double close) {
        Argument.bar(high, low, close);
        double plus = Double.NaN;
        double minus = Double.NaN;
        if (started) {
            double up = high - lastHigh;
            double down = lastLow - low;
            plusMovement.add(up > down && up > 0 ? up : 0);
            minusMovement.add(down > up && down > 0 ? down : 0);
            trueRange.add(Atr.trueRange(high, low, lastClose));
            if (trueRange.isReady()) {
                double range = trueRange.value();
                plus = range == 0 ? 0 : 100 * plusMovement.value() / range;
                minus = range == 0 ? 0 : 100 * minusMovement.value() / range;
                double total = plus + minus;
                adxAverage.add(total == 0 ? 0 : 100 * Math.abs(plus - minus) / total);
            }
        }
        started = true;
        lastHigh = high;
        lastLow = low;
        lastClose = close;
        plusDi.push(plus);
        minusDi.push(minus);
        adx.push(adxAverage.value());
    }

    /** +DI (0 to 100); defined from bar n + 1 on. */
    public Output plusDi() {
        return plusDi;
    }

    /** −DI (0 to 100); defined from bar n + 1 on. */
    public Output minusDi() {
        return minusDi;
    }

    /** ADX (0 to 100), the trend strength; defined from bar 2n on. */
    public Output adx() {
        return adx;
    }

    public int period() {
        return period;
    }

    @Override
    public boolean isReady() {
        return adxAverage.isReady();
    }

    @Override
    public int warmUpBars() {
        return 2 * period;
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }
}
