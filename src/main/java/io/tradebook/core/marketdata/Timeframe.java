package io.tradebook.core.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The bar lengths Tradebook stores and computes on: one, five and fifteen minutes, one and four
 * hours, one day. Each has a short code ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h},
 * {@code 4h}, {@code 1d}), the same as {@code price_history.timeframe} and
 * {@code strategies.timeframe}.
 *
 * <p>A bar is named by the instant it starts. Bars are aligned to UTC boundaries counted from the
 * epoch: a 4h bar starts at 00:00, 04:00, 08:00 … UTC, a daily bar at 00:00 UTC (so a daily bar
 * stands for a session's date, whatever the session's own hours). Every timeframe divides every
 * longer one, so shorter bars always fill longer ones exactly.
 */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String code;
    private final Duration duration;
    private final long seconds;

    Timeframe(String code, Duration duration) {
        this.code = code;
        this.duration = duration;
        this.seconds = duration.getSeconds();
    }

    /**
     * The timeframe with this code ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 4h},
     * {@code 1d}); case and surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException naming the allowed codes when {@code code} is none of them
     */
    public static Timeframe parse(String code) {
        if (code != null) {
            String wanted = code.trim();
            for (Timeframe t : values()) {
                if (t.code.equalsIgnoreCase(wanted)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + code + "': use one of " + codes());
    }

    /** The allowed codes, comma-separated, shortest first: {@code 1m, 5m, 15m, 1h, 4h, 1d}. */
    public static String codes() {
        return Arrays.stream(values()).map(Timeframe::code).collect(Collectors.joining(", "));
    }

    public String code() {
        return code;
    }

    public Duration duration() {
        return duration;
    }

    /** The start of the bar of this timeframe that contains {@code time} (UTC boundaries). */
    public Instant floor(Instant time) {
        Objects.requireNonNull(time, "time");
        long epochSecond = time.getEpochSecond();
        return Instant.ofEpochSecond(epochSecond - Math.floorMod(epochSecond, seconds));
    }

    /** True when {@code time} is the start of a bar of this timeframe. */
    public boolean isBarStart(Instant time) {
        return time.getNano() == 0 && Math.floorMod(time.getEpochSecond(), seconds) == 0;
    }

    /** The start of the bar after the one starting at {@code barStart}. */
    public Instant next(Instant barStart) {
        return barStart.plusSeconds(seconds);
    }

    /** How many bars of this timeframe make one bar of {@code longer}; refuses a timeframe not longer than this one. */
    public int barsIn(Timeframe longer) {
        if (longer.seconds <= seconds) {
            throw new IllegalArgumentException(longer.code + " bars cannot be built from " + code + " bars: "
                    + longer.code + " is not longer than " + code);
        }
        if (longer.seconds % seconds != 0) {
            throw new IllegalArgumentException(longer.code + " is not a whole multiple of " + code);
        }
        return (int) (longer.seconds / seconds);
    }

    @Override
    public String toString() {
        return code;
    }
}
