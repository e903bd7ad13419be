package io.tradebook.store;

/**
 * A write refused because a unique key already holds the value: another user has this email, the
 * user already has this broker account. Carries the name of the field the caller gave, so an
 * adapter can say which input clashes.
 */
public final class DuplicateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public DuplicateException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The input field whose value is taken (e.g. {@code email}). */
    public String field() {
        return field;
    }

    /**
     * Turns a violation of one of the named unique constraints into a {@code DuplicateException}
     * for its field; any other failure is returned unchanged, to be rethrown.
     *
     * @param constraintsAndFields pairs of constraint name and field name
     */
    static RuntimeException orRethrow(RuntimeException e, String... constraintsAndFields) {
        for (int i = 0; i + 1 < constraintsAndFields.length; i += 2) {
            if (SqlErrors.violates(e, constraintsAndFields[i])) {
                return new DuplicateException(constraintsAndFields[i + 1], constraintsAndFields[i + 1] + " is already in use", e);
            }
        }
        return e;
    }
}
