package io.tradebook.core.access;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address, trimmed and lower-cased so that one mailbox is one user. Immutable. Accepts
 * {@code local@domain.tld} with at most 254 characters, no spaces and a dotted domain; refuses
 * anything else.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {
    private static final Pattern FORM = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.length() > 254 || !FORM.matcher(value).matches() || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a normalised email address: " + value);
        }
    }

    /** The address {@code text} names, normalised, if it is one. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = text.trim().toLowerCase(Locale.ROOT);
        return normal.length() <= 254 && FORM.matcher(normal).matches() ? Optional.of(new EmailAddress(normal)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
