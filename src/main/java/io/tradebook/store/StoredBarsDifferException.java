package io.tradebook.store;

/**
 * Bars offered to {@link PriceHistoryRepository#store} that differ from bars already stored at the
 * same (security, timeframe, time), when replacing was not asked for. Nothing was written. Carries
 * how many differ and the first few differences in words.
 */
public final class StoredBarsDifferException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int count;

    StoredBarsDifferException(int count, String message) {
        super(message);
        this.count = count;
    }

    /** How many offered bars differ from the stored ones. */
    public int count() {
        return count;
    }
}
