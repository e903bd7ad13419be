package io.tradebook.marketdata;

import java.math.BigDecimal;

/**
 * The field-level rules of a bar file, written for speed (no regular expressions, one substring
 * per field): splitting a line at commas, blanks and quotes around a field, missing values, and
 * plain decimal numbers. Fields cannot contain commas. Stateless.
 */
final class BarCsvFields {
    private BarCsvFields() {
    }

    /**
     * Splits {@code line} at commas into {@code out}, each field stripped of surrounding blanks and
     * double quotes; returns the number of fields, which is {@code out.length + 1} when the line has
     * more fields than {@code out} holds.
     */
    static int split(String line, String[] out) {
        int count = 0;
        int start = 0;
        int length = line.length();
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            if (count == out.length) {
                return out.length + 1;
            }
            out[count++] = field(line, start, end);
            if (comma < 0) {
                return count;
            }
            start = comma + 1;
        }
    }

    private static String field(String line, int start, int end) {
        while (start < end && line.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && line.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        return line.substring(start, end);
    }

    /** {@code text} without one pair of surrounding double quotes. */
    static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    /** True for an empty field and the usual spellings of "no value": {@code NA}, {@code NaN}, {@code null}. */
    static boolean isMissing(String field) {
        return field.isEmpty() || field.equalsIgnoreCase("NA") || field.equalsIgnoreCase("NaN") || field.equalsIgnoreCase("null");
    }

    /**
     * The plain decimal number {@code field} (digits, at most one point, an optional leading sign),
     * named {@code column} in the message when it is not one. Up to 18 digits are read straight
     * into an unscaled long (the common case, and several times faster than parsing text);
     * longer numbers go through {@link BigDecimal#BigDecimal(String)}. The scale is kept as
     * written ({@code 1.50} has scale 2).
     */
    static BigDecimal decimal(String field, String column) {
        int length = field.length();
        int digits = 0;
        int pointAt = -1;
        long unscaled = 0;
        boolean negative = false;
        for (int i = 0; i < length; i++) {
            char c = field.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                unscaled = unscaled * 10 + (c - '0');
            } else if (c == '.' && pointAt < 0) {
                pointAt = i;
            } else if ((c == '-' || c == '+') && i == 0) {
                negative = c == '-';
            } else {
                digits = 0;
                break;
            }
        }
        if (digits == 0) {
            throw new IllegalArgumentException(column + " '" + field + "' is not a plain decimal number");
        }
        if (digits > 18) {
            return new BigDecimal(field);
        }
        int scale = pointAt < 0 ? 0 : length - pointAt - 1;
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }
}
