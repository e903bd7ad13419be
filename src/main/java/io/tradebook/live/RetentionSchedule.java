package io.tradebook.live;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How often a server runs the retention job, and how many rows one statement may delete.
 * Immutable. The policies themselves (what is kept how long) are rows of {@code retention_policies}.
 *
 * @param interval  time between runs; zero turns the job off in this process (run it elsewhere, or by hand)
 * @param batchSize rows deleted per statement, so a long backlog never holds a long lock
 * @param archiveDir where deleted rows are first archived (gzipped JSON lines); null to only delete
 */
public record RetentionSchedule(Duration interval, int batchSize, Path archiveDir) {
    public static final RetentionSchedule DEFAULT = new RetentionSchedule(Duration.ofHours(1), 1000, null);

    public RetentionSchedule {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the retention interval must not be negative");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the retention batch size must be positive: " + batchSize);
        }
    }

    public boolean enabled() {
        return !interval.isZero();
    }
}
