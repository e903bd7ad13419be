package io.tradebook.http;

import java.util.Map;
import java.util.Objects;

/**
 * Ends a request with a {@link Problem} response (and extra headers such as {@code Retry-After} or
 * {@code WWW-Authenticate}). Thrown by the request pipeline and by route handlers; the server
 * writes it. Carries no stack trace: it is an answer, not a fault.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
