package io.tradebook.http;

import io.javalin.http.Context;
import io.tradebook.core.access.Principal;
import io.tradebook.security.FieldProblem;
import io.tradebook.security.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One request to a route, after the pipeline has authenticated the caller, checked the route's
 * access and resolved its owned path ids: what a handler reads. Not thread-safe (one per request).
 */
public final class Call {
    private final Context ctx;
    private final Route route;
    private final Principal principal;
    private final Map<String, UUID> ids;
    private final BodyReader bodies;
    private final Instant now;

    Call(Context ctx, Route route, Principal principal, Map<String, UUID> ids, BodyReader bodies, Instant now) {
        this.ctx = ctx;
        this.route = route;
        this.principal = principal;
        this.ids = Map.copyOf(ids);
        this.bodies = bodies;
        this.now = now;
    }

    /** The caller; only on routes that need one. */
    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException(route + " is open to anyone: it has no caller");
        }
        return principal;
    }

    /** The caller's user id. */
    public UUID userId() {
        return principal().userId();
    }

    /** The id in path parameter {@code name}, already checked to be the caller's (or to exist, on administrator routes). */
    public UUID id(String name) {
        UUID id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException(route + " has no id parameter " + name);
        }
        return id;
    }

    /** Plain path parameter {@code name}. */
    public String pathText(String name) {
        return ctx.pathParam(name);
    }

    /** The request body bound to the route's declared body type. */
    public <T extends Record> T body(Class<T> type) {
        return bodyWithFields(type).value();
    }

    /** The request body with the fields the client sent, for partial updates. */
    public <T extends Record> Body<T> bodyWithFields(Class<T> type) {
        if (route.body() != type) {
            throw new IllegalStateException(route + " declares body " + route.body() + ", not " + type);
        }
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank() && !isJson(contentType)) {
            throw Problems.unsupportedMediaType("send the body as application/json");
        }
        return bodies.read(ctx.bodyAsBytes(), type);
    }

    /** Query parameter {@code name}, if given. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    /** Whole-number query parameter {@code name} within {@code min}…{@code max}, else {@code fallback}; refuses other text with 400. */
    public int queryInt(String name, int min, int max, int fallback) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problems.malformed("query parameter " + name + " is not valid",
                List.of(new FieldProblem(name, "must be a whole number within " + min + "…" + max)));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    public String userAgent() {
        return ctx.userAgent();
    }

    /** The time of this request, from the server's clock. */
    public Instant now() {
        return now;
    }

    /** The value of {@code outcome}, or its refusal thrown as the matching problem. */
    public <T> T unwrap(Outcome<T> outcome) {
        if (!outcome.isOk()) {
            throw Problems.of(outcome.refusal());
        }
        return outcome.value();
    }

    /** The underlying Javalin context, for what this class does not cover (streams, cookies). */
    public Context context() {
        return ctx;
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
