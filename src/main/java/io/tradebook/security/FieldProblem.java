package io.tradebook.security;

import java.util.Objects;

/**
 * What is wrong with one input field: its name as the caller wrote it (a JSON path such as
 * {@code scopes[1]} for nested values) and a message. Immutable.
 */
public record FieldProblem(String field, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
