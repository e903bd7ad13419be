package io.tradebook.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why a request was refused, as a value: a reason an adapter maps to its own terms (an HTTP status),
 * a message safe to show the caller, the fields at fault, and how long to wait before retrying
 * when waiting helps. Immutable. Messages never contain secrets.
 */
public record Refusal(Reason reason, String message, List<FieldProblem> fields, Duration retryAfter) {

    /** The kinds of refusal. */
    public enum Reason {
        /** The input is wrong; {@code fields} says where. */
        INVALID,
        /** The input clashes with what exists (a taken email). */
        CONFLICT,
        /** No such resource for this caller (also when it is someone else's). */
        NOT_FOUND,
        /** Who is calling is unknown: missing, wrong or expired credentials. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** Too many requests or attempts; {@code retryAfter} says when to try again. */
        TOO_MANY
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        fields = List.copyOf(fields);
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Reason.INVALID, field + " " + message, List.of(new FieldProblem(field, message)), null);
    }

    public static Refusal invalid(List<FieldProblem> fields) {
        return new Refusal(Reason.INVALID, "the request has invalid fields", fields, null);
    }

    public static Refusal conflict(String field, String message) {
        return new Refusal(Reason.CONFLICT, field + " " + message, List.of(new FieldProblem(field, message)), null);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Reason.NOT_FOUND, message, List.of(), null);
    }

    public static Refusal unauthenticated(String message) {
        return new Refusal(Reason.UNAUTHENTICATED, message, List.of(), null);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Reason.FORBIDDEN, message, List.of(), null);
    }

    public static Refusal tooMany(String message, Duration retryAfter) {
        return new Refusal(Reason.TOO_MANY, message, List.of(), Objects.requireNonNull(retryAfter, "retryAfter"));
    }
}
