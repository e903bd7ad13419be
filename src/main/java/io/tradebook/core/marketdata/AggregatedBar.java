package io.tradebook.core.marketdata;

import java.util.Objects;

/**
 * A bar built from shorter bars by {@link BarAggregator}, with how many shorter bars went into it
 * ({@code barCount}) out of how many a full bucket holds ({@code expectedBars}). A bucket with
 * missing inner bars (a gap in the data, a session that starts mid-bucket) is still built; this
 * says so. Immutable. Refuses a count outside 1..expectedBars.
 */
public record AggregatedBar(Bar bar, int barCount, int expectedBars) {
    public AggregatedBar {
        Objects.requireNonNull(bar, "bar");
        if (expectedBars < 1 || barCount < 1 || barCount > expectedBars) {
            throw new IllegalArgumentException("an aggregated bar holds 1.." + expectedBars + " bars, not " + barCount);
        }
    }

    /** True when every shorter bar of the bucket was there. */
    public boolean isComplete() {
        return barCount == expectedBars;
    }
}
