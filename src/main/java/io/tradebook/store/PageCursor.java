package io.tradebook.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a newest-first listing continues: the time and key of the last row of the previous page
 * (the time may be null for listings ordered by key alone). Clients see it only as opaque text
 * ({@link #encode()}), which they pass back to get the next page. Immutable.
 *
 * <p>{@link #parse} refuses, with an {@link IllegalArgumentException}, text that is not a cursor
 * this class wrote.
 */
public record PageCursor(Instant time, String key) {
    private static final int MAX_TEXT = 200;

    public PageCursor {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a cursor key is not empty and has no '|'");
        }
    }

    /** The cursor as the opaque text clients pass back. */
    public String encode() {
        String plain = (time == null ? "-" : time.getEpochSecond() + "." + time.getNano()) + "|" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} stands for; refuses anything {@link #encode()} did not write. */
    public static PageCursor parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("not a cursor");
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a cursor");
            }
            String when = plain.substring(0, bar);
            Instant time = null;
            if (!when.equals("-")) {
                int dot = when.indexOf('.');
                time = Instant.ofEpochSecond(Long.parseLong(when.substring(0, dot)), Integer.parseInt(when.substring(dot + 1)));
            }
            return new PageCursor(time, plain.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
    }

    /** The key as a number (for listings keyed by a numbered row); refuses another key. */
    public long numberKey() {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor of this listing", e);
        }
    }

    /** The key as a UUID (for listings keyed by a UUID); refuses another key. */
    public java.util.UUID uuidKey() {
        try {
            return java.util.UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of this listing", e);
        }
    }

    /** The time, which a listing ordered by time needs; refuses a cursor without one. */
    public Instant requireTime() {
        if (time == null) {
            throw new IllegalArgumentException("not a cursor of this listing");
        }
        return time;
    }
}
