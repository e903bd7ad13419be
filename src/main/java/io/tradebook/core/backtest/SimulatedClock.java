package io.tradebook.core.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The clock of a backtest: it stands at the time the run sets (the current bar's time) and moves
 * only when the run moves it, so every time the order path stamps is simulated, never the wall
 * clock's. Mutable; set and read from the run's thread. In UTC.
 */
public final class SimulatedClock extends Clock {
    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to {@code time}. */
    public void set(Instant time) {
        this.now = Objects.requireNonNull(time, "time");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone: the same simulated instant. */
    @Override
    public Clock withZone(ZoneId zone) {
        SimulatedClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
