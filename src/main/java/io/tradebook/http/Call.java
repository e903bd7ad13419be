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
    /** Bodies up to this length are read directly at their declared length; see {@link #rawBody}. */
    static final int READ_DIRECTLY = 64 * 1024;

    private final Context ctx;
    private final Route route;
    private final Principal principal;
    private final Map<String, Object> ids;
    private final BodyReader bodies;
    private final Instant now;
    /** The request body once read (null before). */
    private byte[] body;

    Call(Context ctx, Route route, Principal principal, Map<String, Object> ids, BodyReader bodies, Instant now) {
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
        if (!(ids.get(name) instanceof UUID id)) {
            throw new IllegalStateException(route + " has no UUID id parameter " + name);
        }
        return id;
    }

    /** The number in path parameter {@code name}, of a numbered kind, already checked like {@link #id}. */
    public long number(String name) {
        if (!(ids.get(name) instanceof Long n)) {
            throw new IllegalStateException(route + " has no numbered id parameter " + name);
        }
        return n;
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
        return bodies.read(rawBody(), type);
    }

    /**
     * The request's bytes, read once. A body that declares its length, up to
     * {@link #READ_DIRECTLY}, is read into an array of that length; any other goes through Javalin,
     * which refuses one beyond its maximum with 413 (reading through it costs two 8 KB buffers a
     * request, a sixth of what a submit allocated).
     */
    private byte[] rawBody() {
        if (body == null) {
            long length = ctx.req().getContentLengthLong();
            if (length >= 0 && length <= READ_DIRECTLY) {
                try {
                    body = ctx.req().getInputStream().readNBytes((int) length);
                } catch (java.io.IOException e) {
                    throw Problems.malformed("the request body could not be read: " + e.getMessage());
                }
            } else {
                body = ctx.bodyAsBytes();
            }
        }
        return body;
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

    /** Query parameter {@code name} as an ISO-8601 time with offset, if given; refuses other text with 400. */
    public Optional<Instant> queryInstant(String name) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text.get().strip()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            throw badQuery(name, "must be an ISO-8601 time with an offset, such as 2026-03-02T14:30:00Z");
        }
    }

    /** Query parameter {@code name} as one of {@code type}'s listed values (by label or name, any case), if given; else 400. */
    public <E extends Enum<E>> Optional<E> queryEnum(String name, Class<E> type) {
        return query(name).map(text -> listed(name, text, type));
    }

    /** Query parameter {@code name} as a comma-separated list of {@code type}'s values; empty when not given; else 400. */
    public <E extends Enum<E>> java.util.Set<E> queryEnums(String name, Class<E> type) {
        java.util.Set<E> values = java.util.EnumSet.noneOf(type);
        query(name).ifPresent(text -> {
            for (String part : text.split(",")) {
                values.add(listed(name, part, type));
            }
        });
        return values;
    }

    /** Query parameter {@code name} as text of at most {@code max} characters, if given and not blank; longer text is 400. */
    public Optional<String> queryText(String name, int max) {
        Optional<String> text = query(name).map(String::strip).filter(t -> !t.isEmpty());
        if (text.isPresent() && text.get().length() > max) {
            throw badQuery(name, "must have at most " + max + " characters");
        }
        return text;
    }

    /** Query parameter {@code name} as true or false, false when not given; other text is 400. */
    public boolean queryFlag(String name) {
        String text = queryText(name, 5).orElse("false");
        if (!text.equals("true") && !text.equals("false")) {
            throw badQuery(name, "must be true or false");
        }
        return text.equals("true");
    }

    /** Query parameter {@code name} as an id (a UUID), if given; other text is 400. */
    public Optional<UUID> queryUuid(String name) {
        return queryText(name, 36).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw badQuery(name, "must be an id (a UUID)");
            }
        });
    }

    private <E extends Enum<E>> E listed(String name, String text, Class<E> type) {
        String wanted = text.strip();
        for (E value : type.getEnumConstants()) {
            if (Json.label(value).equalsIgnoreCase(wanted) || value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw badQuery(name, "must be one of " + String.join(", ", Json.labels(type)));
    }

    private static ProblemException badQuery(String name, String message) {
        return Problems.malformed("query parameter " + name + " is not valid", List.of(new FieldProblem(name, message)));
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
