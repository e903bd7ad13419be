package io.tradebook.core.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password strength rule: at least 10 characters, at most 72 bytes in UTF-8 (what bcrypt
 * hashes), at least one letter and at least one digit or symbol, and not containing the part of
 * the email address before the {@code @} (when that part has 3 or more characters). Stateless.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** What is wrong with {@code password} for a user with {@code email} (may be null); empty when it is acceptable. */
    public static List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("must have at most " + MAX_BYTES + " bytes in UTF-8");
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetter(c) && !Character.isWhitespace(c));
        if (!letter || !other) {
            problems.add("must contain a letter and a digit or symbol");
        }
        if (email != null) {
            int at = email.indexOf('@');
            String local = at < 0 ? email : email.substring(0, at);
            if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))) {
                problems.add("must not contain the email address");
            }
        }
        return List.copyOf(problems);
    }
}
