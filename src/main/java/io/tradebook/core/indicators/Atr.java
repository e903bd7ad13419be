package io.tradebook.core.indicators;

import java.util.List;

/**
 * Wilder's average true range, as TTR and TA-Lib compute it. The true range of a bar is
 * {@code max(high, previous close) - min(low, previous close)}; the first bar has no previous
 * close and no true range. The ATR is Wilder's smoothing ({@code alpha = 1/n}) of the true
 * ranges, seeded with the simple mean of the first {@code n} of them: defined from bar
 * {@code n + 1} on. Mutable; refuses a period below 1 and a bar whose high is below its low.
 */
public final class Atr implements Indicator {
    private final int period;
    private final SeededAverage average;
    private final Output output;
    private final List<Output> outputs;
    private double lastClose = Double.NaN;

    public Atr(int period) {
        this.period = Argument.period("n", period);
        this.average = SeededAverage.wilder(period);
        this.output = new Output("atr_" + period);
        this.outputs = List.of(output);
    }

    @Override
    public void update(double high, double low, double close) {
        Argument.bar(high, low, close);
        if (!Double.isNaN(lastClose)) {
            average.add(trueRange(high, low, lastClose));
        }
        lastClose = close;
        output.push(average.value());
    }

    static double trueRange(double high, double low, double previousClose) {
        return Math.max(high, previousClose) - Math.min(low, previousClose);
    }

    /** The ATR at the last bar; NaN during warm-up. */
    public double value() {
        return output.value();
    }

    /** The ATR at the bar before the last; NaN if undefined there. */
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
        return average.isReady();
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
