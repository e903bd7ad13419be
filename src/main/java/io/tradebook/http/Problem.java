package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.security.FieldProblem;
import java.util.List;
import java.util.Objects;

/**
 * An error response body in the form of RFC 9457 ({@code application/problem+json}): a type URI
 * naming the kind of problem, its title, the HTTP status, a detail for this occurrence, the request
 * path, and for invalid input the fields at fault. Immutable. Details never contain request values
 * that might be secrets.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @JsonPropertyDescription("A URI naming the kind of problem, urn:tradebook:problem:<kind>") String type,
        @JsonPropertyDescription("A short summary of the kind of problem") String title,
        @JsonPropertyDescription("The HTTP status code") int status,
        @JsonPropertyDescription("What went wrong this time") String detail,
        @JsonPropertyDescription("The request path") String instance,
        @JsonPropertyDescription("For invalid input: each field at fault and what is wrong with it") List<FieldProblem> errors) {

    /** The media type of a problem. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tradebook:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem of kind {@code kind} (e.g. {@code validation}) with its status and title. */
    public static Problem of(String kind, int status, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, null, List.of());
    }

    public Problem withErrors(List<FieldProblem> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
