package io.tradebook.http;

import io.tradebook.security.FieldProblem;
import io.tradebook.security.Refusal;
import java.util.List;
import java.util.Map;

/**
 * The API's problem kinds, and the one mapping from a {@link Refusal} to a status and a problem.
 * Every error response is made here, so the kinds listed in docs/api.md are all there are.
 */
public final class Problems {
    private Problems() {
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-request", 400, "The request cannot be read", detail));
    }

    public static ProblemException malformed(String detail, List<FieldProblem> errors) {
        return new ProblemException(Problem.of("malformed-request", 400, "The request cannot be read", detail).withErrors(errors));
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(Problem.of("validation", 422, "The request has invalid fields",
                errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message() : errors.size() + " fields are invalid")
                .withErrors(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", 404, "Not found", detail));
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problem.of("unauthenticated", 401, "Sign-in required", detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"tradebook\""));
    }

    public static ProblemException forbidden(String kind, String detail) {
        return new ProblemException(Problem.of(kind, 403, "Not allowed", detail));
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(Problem.of("unsupported-media-type", 415, "Unsupported media type", detail));
    }

    /** The problem for a refusal by the security services. */
    public static ProblemException of(Refusal refusal) {
        return switch (refusal.reason()) {
            case INVALID -> invalid(refusal.fields());
            case CONFLICT -> new ProblemException(Problem.of("conflict", 409, "Conflicts with what exists", refusal.message())
                    .withErrors(refusal.fields()));
            case NOT_FOUND -> notFound(refusal.message());
            case UNAUTHENTICATED -> unauthenticated(refusal.message());
            case FORBIDDEN -> forbidden("forbidden", refusal.message());
            case TOO_MANY -> new ProblemException(Problem.of("too-many-requests", 429, "Too many requests", refusal.message()),
                    Map.of("Retry-After", Long.toString(Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000))));
        };
    }

    /** The problem for a status Jetty or Javalin answered on its own (an unknown path, a body too large). */
    static Problem forStatus(int status, String detail) {
        return switch (status) {
            case 404 -> Problem.of("not-found", 404, "Not found", detail);
            case 405 -> Problem.of("method-not-allowed", 405, "Method not allowed", detail);
            case 413 -> Problem.of("payload-too-large", 413, "Request body too large", detail);
            case 400 -> Problem.of("malformed-request", 400, "The request cannot be read", detail);
            default -> status >= 500 ? Problem.of("internal", status, "Internal error", detail)
                    : Problem.of("http-" + status, status, "Request refused", detail);
        };
    }
}
