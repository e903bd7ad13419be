package io.tradebook.core.execution;

import java.time.Duration;

/**
 * Waits between attempts of a broker call. Injected so that tests record the waits instead of
 * sleeping, and a simulated clock can advance instead of blocking.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration} (zero returns at once); an interrupt ends the wait early. */
    void sleep(Duration duration) throws InterruptedException;

    /** Blocks the calling thread with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    };
}
