package io.tradebook.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads integrity violations out of a database exception, the same way on H2 and PostgreSQL: both
 * report SQL state class {@code 23} and name the violated constraint in the message (the schema
 * names every constraint; see docs/schema.md). Lets a store turn a refusal by the schema into an
 * {@link IllegalArgumentException} that says what the caller did wrong.
 */
final class SqlErrors {
    private SqlErrors() {
    }

    /** The integrity violation (SQL state {@code 23xxx}) that caused {@code thrown}, if any. */
    static Optional<SQLException> integrityViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** True when {@code thrown} was caused by a violation of the constraint named {@code constraint}. */
    static boolean violates(Throwable thrown, String constraint) {
        return integrityViolation(thrown)
                .map(e -> String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(constraint.toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    /** The first line of the violation's message: enough to name the constraint without the driver's detail. */
    static String summary(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
