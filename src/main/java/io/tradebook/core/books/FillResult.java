package io.tradebook.core.books;

/**
 * The outcome of recording a fill. Immutable. A duplicate (a trade id already applied) changed
 * nothing and carries neither entry nor change.
 */
public record FillResult(Fill fill, boolean duplicate, JournalEntry entry, HoldingChange change) {

    /** The result of a fill whose trade id was already recorded. */
    public static FillResult duplicateOf(Fill fill) {
        return new FillResult(fill, true, null, null);
    }

    /** The round trip this fill finished, or null. */
    public RoundTrip closedRoundTrip() {
        return change == null || change.closed() == null ? null : change.closed().roundTrip();
    }
}
