package io.tradebook.core.indicators;

import java.util.List;

/**
 * Wilder's relative strength index of closes, as TTR computes it: the gains and losses of each
 * close over the one before are averaged with Wilder's smoothing ({@code alpha = 1/n}), each
 * average seeded with the simple mean of the first {@code n} changes; {@code RSI = 100 × avgGain /
 * (avgGain + avgLoss)}. Defined from bar {@code n + 1} on (n changes need n + 1 closes). When
 * there are neither gains nor losses (a flat series) the RSI is 50, by choice: neutral, where TTR
 * gives NaN and TA-Lib and ta4j give 0. With gains and no losses it is 100, with losses and no
 * gains 0. Mutable; refuses a period below 1.
 */
public final class Rsi implements Indicator {
    private final int period;
    private final SeededAverage gains;
    private final SeededAverage losses;
    private final Output output;
    private final List<Output> outputs;
    private double lastClose = Double.NaN;

    public Rsi(int period) {
        this.period = Argument.period("n", period);
        this.gains = SeededAverage.wilder(period);
        this.losses = SeededAverage.wilder(period);
        this.output = new Output("rsi_" + period);
        this.outputs = List.of(output);
    }

    /** Feeds the next close. */
    public void update(double close) {
        Argument.finite("close", close);
        if (!Double.isNaN(lastClose)) {
            double change = close - lastClose;
            gains.add(change > 0 ? change : 0);
            losses.add(change < 0 ? -change : 0);
        }
        lastClose = close;
        output.push(gains.isReady() ? rsi(gains.value(), losses.value()) : Double.NaN);
    }

    private static double rsi(double gain, double loss) {
        double total = gain + loss;
        return total == 0 ? 50 : 100 * gain / total;
    }

    @Override
    public void update(double high, double low, double close) {
        update(close);
    }

    /** The RSI (0 to 100) at the last bar; NaN during warm-up. */
    public double value() {
        return output.value();
    }

    /** The RSI at the bar before the last; NaN if undefined there. */
    public double previous() {
        return output.previous();
    }

    public Output output() {
        return output;
    }

    public int period() {
        return period;
    }

    @Override
    public boolean isReady() {
        return gains.isReady();
    }

    @Override
    public int warmUpBars() {
        return period + 1;
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }
}
