package io.tradebook.marketdata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the time column of a bar file: a date ({@code 2013-01-02}, the bar of that day, starting
 * 00:00 UTC) or an ISO-8601 instant with a zone ({@code 2013-11-25T00:05:00Z},
 * {@code 2013-11-25T09:35:00-05:00}, converted to UTC). The two common forms are read without
 * {@code java.time} parsers, for speed. Refuses a time without a zone (it would be ambiguous) and
 * anything else. Mutable: after each {@link #parse}, {@link #wasDate} and {@link #hadOffset} say how
 * the last value was written. Not thread-safe.
 */
final class BarCsvTimes {
    boolean wasDate;
    boolean hadOffset;

    Instant parse(String text) {
        wasDate = false;
        hadOffset = false;
        int length = text.length();
        if (length == 10 && dateShape(text)) {
            wasDate = true;
            return Instant.ofEpochSecond(epochDay(text) * 86_400L);
        }
        if (length == 20 && dateShape(text) && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(19) == 'Z') {
            int hour = number(text, 11);
            int minute = number(text, 14);
            int second = number(text, 17);
            if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
                return Instant.ofEpochSecond(epochDay(text) * 86_400L + hour * 3600L + minute * 60L + second);
            }
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            hadOffset = time.getOffset().getTotalSeconds() != 0;
            return time.toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(problem(text), e);
        }
    }

    private static String problem(String text) {
        if (text.isEmpty()) {
            return "the date is empty";
        }
        if (text.length() >= 16 && text.length() <= 29 && text.charAt(4) == '-' && text.indexOf('Z') < 0
                && text.indexOf('+', 10) < 0 && text.indexOf('-', 10) < 0) {
            return "time '" + text + "' has no time zone; write it in UTC as 2013-11-25T00:05:00Z or with an offset";
        }
        return "'" + text + "' is not a date (2013-01-02) or an ISO-8601 time with a zone (2013-11-25T00:05:00Z)";
    }

    private static boolean dateShape(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-';
    }

    private static long epochDay(String text) {
        int century = number(text, 0);
        int yearOfCentury = number(text, 2);
        int month = number(text, 5);
        int day = number(text, 8);
        int year = century * 100 + yearOfCentury;
        if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2013-01-02) or an ISO-8601 time with a zone "
                    + "(2013-11-25T00:05:00Z)");
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text.substring(0, 10) + "' is not a calendar date: " + e.getMessage(), e);
        }
    }

    /** The two-digit number at {@code at}, or -1 when those are not two digits. */
    private static int number(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }
}
