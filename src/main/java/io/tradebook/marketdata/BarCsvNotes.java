package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bar file reader did about each odd case, counted while reading and told at the end in
 * plain English: skipped rows, gaps, close-only data, fractional volumes, how times were read.
 * Mutable, one per read; not thread-safe.
 */
final class BarCsvNotes {
    private static final int EXAMPLES = 3;

    private final Timeframe timeframe;
    private String closeOnlySource;
    private String leadingCopy;
    private final Counted repeated = new Counted();
    private final Counted closeOnlyRows = new Counted();
    private final Counted emptyRows = new Counted();
    private String emptyWhat = "";
    private final Counted offsets = new Counted();
    private int dates;
    private int blankLines;
    private int gaps;
    private long missingBars;
    private final List<String> gapExamples = new ArrayList<>();
    private int volumeScale;
    private String volumeExample;

    BarCsvNotes(Timeframe timeframe) {
        this.timeframe = timeframe;
    }

    /** The whole series is close-only; {@code what} says where it came from (e.g. "column KO of 30 tickers' closes"). */
    void closeOnlySeries(String what) {
        closeOnlySource = what;
    }

    void leadingCopy(int row, int line, Instant time, int nextRow, Instant nextTime) {
        leadingCopy = "skipped row " + row + " (" + show(time) + ", line " + line + "): it repeats every value of row " + nextRow
                + " (" + show(nextTime) + "), a padding copy at the start of the file rather than a real bar";
    }

    void repeatedRow(int row, int line, Instant time) {
        repeated.add("row " + row + " (line " + line + ") at " + show(time));
    }

    void closeOnlyRow(int row, int line, Instant time) {
        closeOnlyRows.add("row " + row + " (line " + line + ") at " + show(time));
    }

    /** A row without the value(s) read; {@code what} is e.g. "no values at all" or "no close for KO". */
    void emptyRow(int row, int line, Instant time, String what) {
        emptyWhat = what;
        emptyRows.add("row " + row + " (line " + line + ") at " + show(time));
    }

    void offset(String text, Instant time) {
        offsets.add(text + " is " + time);
    }

    void date() {
        dates++;
    }

    void blankLine() {
        blankLines++;
    }

    void volumeScale(int scale, String text, Instant time) {
        if (scale > volumeScale) {
            volumeScale = scale;
            volumeExample = text + " at " + show(time);
        }
    }

    /** Notes the gap between consecutive bars starting at {@code previous} and {@code next}, if there is one. */
    void between(Instant previous, Instant next) {
        long missing = timeframe == Timeframe.D1 ? missingWeekdays(previous, next)
                : (next.getEpochSecond() - previous.getEpochSecond()) / timeframe.duration().getSeconds() - 1;
        if (missing > 0) {
            gaps++;
            missingBars += missing;
            if (gapExamples.size() < EXAMPLES) {
                gapExamples.add(show(previous) + " then " + show(next) + " (" + missing + " missing)");
            }
        }
    }

    private static long missingWeekdays(Instant previous, Instant next) {
        LocalDate day = LocalDate.ofInstant(previous, ZoneOffset.UTC).plusDays(1);
        LocalDate end = LocalDate.ofInstant(next, ZoneOffset.UTC);
        long missing = 0;
        for (; day.isBefore(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                missing++;
            }
        }
        return missing;
    }

    List<String> list() {
        List<String> notes = new ArrayList<>();
        if (closeOnlySource != null) {
            notes.add("close only (" + closeOnlySource + "): no open, high, low or volume, so every bar is close-only: open, high"
                    + " and low equal the close and the volume is 0 in memory, and they are stored and exported empty");
        }
        if (leadingCopy != null) {
            notes.add(leadingCopy);
        }
        if (repeated.count > 0) {
            notes.add("skipped " + plural(repeated.count, "repeated row") + " (the same time and values as the row before); first: "
                    + repeated.first);
        }
        if (emptyRows.count > 0) {
            notes.add("skipped " + plural(emptyRows.count, "row") + " with " + emptyWhat + "; first: " + emptyRows.first);
        }
        if (closeOnlyRows.count > 0) {
            notes.add(plural(closeOnlyRows.count, "row") + " with only a close (open, high, low and volume empty) kept as close-only bars;"
                    + " first: " + closeOnlyRows.first);
        }
        if (gaps > 0) {
            notes.add(timeframe == Timeframe.D1
                    ? plural(gaps, "gap") + " between daily bars, weekends aside: " + plural(missingBars, "weekday")
                            + " without a bar (holidays or missing data); first: " + String.join(", ", gapExamples)
                    : plural(gaps, "gap") + " longer than " + timeframe + ": " + plural(missingBars, "missing " + timeframe + " bar")
                            + " in all; first: " + String.join(", ", gapExamples));
        }
        if (volumeScale > 0) {
            notes.add("fractional volumes with up to " + plural(volumeScale, "decimal") + " (e.g. " + volumeExample + "), kept exactly");
        }
        if (dates > 0) {
            notes.add(plural(dates, "date") + " without a time of day read as daily bars starting 00:00 UTC");
        }
        if (offsets.count > 0) {
            notes.add(plural(offsets.count, "time") + " with a UTC offset converted to UTC (e.g. " + offsets.first + ")");
        }
        if (blankLines > 0) {
            notes.add("ignored " + plural(blankLines, "blank line"));
        }
        return notes;
    }

    private String show(Instant time) {
        return timeframe == Timeframe.D1 && Timeframe.D1.isBarStart(time) ? time.toString().substring(0, 10) : time.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A count of one kind of case, with its first example. */
    private static final class Counted {
        int count;
        String first;

        void add(String example) {
            if (count++ == 0) {
                first = example;
            }
        }
    }
}
