package io.tradebook.core.analytics;

/**
 * How many of the run's bars ended with a position held, out of how many bars. Immutable.
 * Refuses negative counts and more bars held than bars.
 */
public record Exposure(long barsHeld, long bars) {

    public Exposure {
        if (barsHeld < 0 || bars < 0 || barsHeld > bars) {
            throw new IllegalArgumentException("exposure of " + barsHeld + " bars held out of " + bars);
        }
    }

    public static Exposure none() {
        return new Exposure(0, 0);
    }

    /** The fraction of bars with a position held; undefined without bars. */
    public Metric fraction() {
        return bars == 0 ? Metric.undefined() : Metric.of((double) barsHeld / bars);
    }

    /** This exposure with one more bar, held or not. */
    public Exposure plusBar(boolean held) {
        return new Exposure(held ? barsHeld + 1 : barsHeld, bars + 1);
    }
}
