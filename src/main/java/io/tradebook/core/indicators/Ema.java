package io.tradebook.core.indicators;

import java.util.List;

/**
 * Exponential moving average of closes with {@code alpha = 2/(n+1)}, seeded (as TTR and TA-Lib
 * do) with the simple mean of the first {@code n} closes: defined from the n-th bar on, then
 * {@code ema += alpha * (close - ema)}. Mutable; refuses a period below 1.
 */
public final class Ema implements Indicator {
    private final int period;
    private final SeededAverage average;
    private final Output output;
    private final List<Output> outputs;

    public Ema(int period) {
        this.period = Argument.period("n", period);
        this.average = SeededAverage.ema(period);
        this.output = new Output("ema_" + period);
        this.outputs = List.of(output);
    }

    /** Feeds the next close. */
    public void update(double close) {
        Argument.finite("close", close);
        average.add(close);
        output.push(average.value());
    }

    @Override
    public void update(double high, double low, double close) {
        update(close);
    }

    /** The EMA at the last bar; NaN during warm-up. */
    public double value() {
        return output.value();
    }

    /** The EMA at the bar before the last; NaN if undefined there. */
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
        return period;
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }
}
