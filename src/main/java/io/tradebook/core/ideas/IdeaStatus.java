package io.tradebook.core.ideas;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a trade idea (seed 001): DRAFT while it is written and analysed, ACTIVE once its legs'
 * orders are placed, CLOSED when it is over, ARCHIVED to put it away. The one table of legal moves:
 * a draft may be activated or archived, an active idea closed, a closed one archived; an archived
 * idea stays archived. Anything else is refused.
 */
public enum IdeaStatus {
    DRAFT, ACTIVE, CLOSED, ARCHIVED;

    private static final Map<IdeaStatus, Set<IdeaStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(ACTIVE, ARCHIVED),
            ACTIVE, EnumSet.of(CLOSED),
            CLOSED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(IdeaStatus.class));

    /** Whether an idea in this status may move to {@code to}. */
    public boolean canMoveTo(IdeaStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** The statuses this one may move to. */
    public Set<IdeaStatus> next() {
        return NEXT.get(this).isEmpty() ? Set.of() : EnumSet.copyOf(NEXT.get(this));
    }
}
