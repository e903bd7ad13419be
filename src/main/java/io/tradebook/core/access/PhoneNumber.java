package io.tradebook.core.access;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code and up to 15 digits in all, e.g.
 * {@code +41791234567}. Immutable. Parsing drops spaces, dashes, dots and parentheses; it refuses
 * numbers without the {@code +} country prefix, since a number without it is ambiguous.
 *
 * @param value the E.164 number
 */
public record PhoneNumber(String value) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number: " + value);
        }
    }

    /** The number {@code text} names, if it is one. */
    public static Optional<PhoneNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("[\\s().-]", "");
        return E164.matcher(compact).matches() ? Optional.of(new PhoneNumber(compact)) : Optional.empty();
    }

    /** The number with all but its last 2 digits hidden, for logs: {@code +41*******67}. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
