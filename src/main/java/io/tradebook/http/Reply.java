package io.tradebook.http;

import java.util.Map;
import java.util.Objects;

/**
 * A route's successful answer: status, body (written as JSON unless a content type is given) and
 * extra headers. Immutable. The status must be one the route declared.
 */
public record Reply(int status, Object body, String contentType, Map<String, String> headers) {
    public Reply {
        if (status < 200 || status > 399) {
            throw new IllegalArgumentException("a reply is a success; errors are problems: " + status);
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, null, Map.of());
    }

    public static Reply created(Object body) {
        return new Reply(201, body, null, Map.of());
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body, null, Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, null, Map.of());
    }

    /** A body that is not JSON: text as given, with its content type. */
    public static Reply text(int status, String text, String contentType) {
        return new Reply(status, text, Objects.requireNonNull(contentType, "contentType"), Map.of());
    }

    public static Reply status(int status, Object body) {
        return new Reply(status, body, null, Map.of());
    }
}
