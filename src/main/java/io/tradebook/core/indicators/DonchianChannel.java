package io.tradebook.core.indicators;

import java.util.List;

/**
 * Donchian channel: the highest high and the lowest low of the last {@code n} bars, this bar
 * included (TTR's {@code DonchianChannel} without lag). Defined from the n-th bar on. A breakout
 * rule compares a close with the channel of the bar before: {@code close > high().previous()}.
 * Kept with van Herk and Gil-Werman's block method: amortised O(1) per bar. Mutable; refuses a
 * period below 1 and a bar whose high is below its low.
 */
public final class DonchianChannel implements Indicator {
    private final int period;
    private final SlidingMaximum highs;
    private final SlidingMaximum lows;
    private final Output high;
    private final Output low;
    private final List<Output> outputs;

    public DonchianChannel(int period) {
        this.period = Argument.period("n", period);
        this.highs = SlidingMaximum.highest(period);
        this.lows = SlidingMaximum.lowest(period);
        this.high = new Output("donchian_" + period + "_high");
        this.low = new Output("donchian_" + period + "_low");
        this.outputs = List.of(high, low);
    }

    @Override
    public void update(double high, double low, double close) {
        Argument.bar(high, low, close);
        highs.push(high);
        lows.push(low);
        boolean ready = highs.isFull();
        this.high.push(ready ? highs.value() : Double.NaN);
        this.low.push(ready ? lows.value() : Double.NaN);
    }

    /** The highest high of the last n bars. */
    public Output high() {
        return high;
    }

    /** The lowest low of the last n bars. */
    public Output low() {
        return low;
    }

    public int period() {
        return period;
    }

    @Override
    public boolean isReady() {
        return highs.isFull();
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
