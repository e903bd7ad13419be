package io.tradebook.core.indicators;

import java.util.List;

/**
 * Simple moving average: the mean of the last {@code n} closes. Defined from the n-th bar on.
 * The window's sum is kept compensated, so it does not drift over long series. Mutable; refuses a
 * period below 1 (or above {@value Argument#MAX_PERIOD}).
 */
public final class Sma implements Indicator {
    private final int period;
    private final RollingWindow window;
    private final Output output;
    private final List<Output> outputs;

    public Sma(int period) {
        this.period = Argument.period("n", period);
        this.window = new RollingWindow(period);
        this.output = new Output("sma_" + period);
        this.outputs = List.of(output);
    }

    /** Feeds the next close. */
    public void update(double close) {
        Argument.finite("close", close);
        window.push(close);
        output.push(window.isFull() ? window.mean() : Double.NaN);
    }

    @Override
    public void update(double high, double low, double close) {
        update(close);
    }

    /** The SMA at the last bar; NaN during warm-up. */
    public double value() {
        return output.value();
    }

    /** The SMA at the bar before the last; NaN if undefined there. */
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
        return window.isFull();
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
