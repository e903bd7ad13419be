package io.tradebook.core.books;

/** Which way a holding points: LONG (owns units), SHORT (owes units) or FLAT (none). */
public enum PositionSide {
    LONG,
    SHORT,
    FLAT;

    static PositionSide of(int signum) {
        return signum > 0 ? LONG : signum < 0 ? SHORT : FLAT;
    }
}
