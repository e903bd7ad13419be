package io.tradebook.core.indicators;

import java.util.List;

/**
 * Moving average convergence/divergence of closes: {@code macd = EMA(fast) − EMA(slow)} (a price
 * difference, not TTR's default percentage), {@code signal = EMA(signal)} of the macd line and
 * {@code histogram = macd − signal}. Every EMA is {@link Ema}'s (alpha 2/(n+1), seeded with a
 * simple mean), the signal's seeded with the mean of the first {@code signal} macd values. The
 * macd line is defined from bar {@code slow} on, signal and histogram from bar
 * {@code slow + signal − 1} on. Mutable; refuses a period below 1 and {@code fast ≥ slow}.
 */
public final class Macd implements Indicator {
    private final int fastPeriod;
    private final int slowPeriod;
    private final int signalPeriod;
    private final SeededAverage fast;
    private final SeededAverage slow;
    private final SeededAverage signalAverage;
    private final Output macd;
    private final Output signal;
    private final Output histogram;
    private final List<Output> outputs;

    public Macd(int fast, int slow, int signal) {
        this.fastPeriod = Argument.period("fast", fast);
        this.slowPeriod = Argument.period("slow", slow);
        this.signalPeriod = Argument.period("signal", signal);
        if (fast >= slow) {
            throw new IllegalArgumentException("fast must be below slow, not fast " + fast + " and slow " + slow);
        }
        this.fast = SeededAverage.ema(fast);
        this.slow = SeededAverage.ema(slow);
        this.signalAverage = SeededAverage.ema(signal);
        String prefix = "macd_" + fast + "_" + slow + "_" + signal + "_";
        this.macd = new Output(prefix + "macd");
        this.signal = new Output(prefix + "signal");
        this.histogram = new Output(prefix + "histogram");
        this.outputs = List.of(macd, this.signal, histogram);
    }

    /** Feeds the next close. */
    public void update(double close) {
        Argument.finite("close", close);
        fast.add(close);
        slow.add(close);
        double line = Double.NaN;
        if (slow.isReady()) {
            line = fast.value() - slow.value();
            signalAverage.add(line);
        }
        double smoothed = signalAverage.value();
        macd.push(line);
        signal.push(smoothed);
        histogram.push(line - smoothed);
    }

    @Override
    public void update(double high, double low, double close) {
        update(close);
    }

    /** EMA(fast) − EMA(slow). */
    public Output macd() {
        return macd;
    }

    /** The EMA of the macd line. */
    public Output signal() {
        return signal;
    }

    /** macd − signal. */
    public Output histogram() {
        return histogram;
    }

    public int fastPeriod() {
        return fastPeriod;
    }

    public int slowPeriod() {
        return slowPeriod;
    }

    public int signalPeriod() {
        return signalPeriod;
    }

    @Override
    public boolean isReady() {
        return signalAverage.isReady();
    }

    @Override
    public int warmUpBars() {
        return slowPeriod + signalPeriod - 1;
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }
}
