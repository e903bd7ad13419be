package io.tradebook.http;

import io.tradebook.store.Owned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API operation with everything the server needs to run it and describe it: method and path,
 * who may call it ({@link Access}), what each path parameter is (an owned id checked by the tenancy
 * check, or plain text), the request body type, query parameters, the success responses and the
 * handler. Immutable once built. The OpenAPI document is generated from these, so a route cannot
 * exist without its description.
 *
 * <p>The builder refuses: a route without access, summary, tag, success response or handler; a
 * path parameter in the path but not declared (or the other way round); a body on GET or DELETE.
 */
public final class Route {
    /** The HTTP methods routes use. */
    public enum Method { GET, POST, PUT, PATCH, DELETE }

    /** How a path parameter is checked. */
    public enum ParamCheck {
        /** An id of a resource that must belong to the caller; anything else is 404. */
        OWNED,
        /** An id of a resource that must exist, whoever owns it (administrator routes). */
        EXISTS,
        /** Plain text, checked by the handler. */
        TEXT
    }

    /** A path parameter. Immutable; {@code owned} is null for {@link ParamCheck#TEXT}. */
    public record PathParam(String name, ParamCheck check, Owned owned, String description) {
    }

    /** A query parameter. Immutable. */
    public record QueryParam(String name, Class<?> type, boolean required, String description) {
    }

    /** A documented success response; {@code type} null means no body. Immutable. */
    public record Response(int status, Class<?> type, String contentType, String description) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Method method;
    private final String path;
    private final String summary;
    private final String description;
    private final String tag;
    private final Access access;
    private final Map<String, PathParam> pathParams;
    private final List<QueryParam> queryParams;
    private final Class<? extends Record> body;
    private final List<Response> responses;
    private final Map<Integer, String> failures;
    private final Endpoint endpoint;

    private Route(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.summary = b.summary;
        this.description = b.description;
        this.tag = b.tag;
        this.access = b.access;
        this.pathParams = Map.copyOf(b.pathParams);
        this.queryParams = List.copyOf(b.queryParams);
        this.body = b.body;
        this.responses = List.copyOf(b.responses);
        this.failures = Map.copyOf(b.failures);
        this.endpoint = b.endpoint;
    }

    public static Builder get(String path) {
        return new Builder(Method.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(Method.POST, path);
    }

    public static Builder put(String path) {
        return new Builder(Method.PUT, path);
    }

    public static Builder patch(String path) {
        return new Builder(Method.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(Method.DELETE, path);
    }

    public Method method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public String tag() {
        return tag;
    }

    public Access access() {
        return access;
    }

    /** The path parameters in the order they appear in the path. */
    public List<PathParam> pathParams() {
        List<PathParam> ordered = new ArrayList<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            ordered.add(pathParams.get(m.group(1)));
        }
        return ordered;
    }

    public List<QueryParam> queryParams() {
        return queryParams;
    }

    /** The request body's record type, or null for none. */
    public Class<? extends Record> body() {
        return body;
    }

    public List<Response> responses() {
        return responses;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Every problem status this route can answer, with why: those every route of its kind has
     * (401/403 with a caller, 404 with ids, 400/415/422 with a body or query, 429 for API keys,
     * 500) and those it declared with {@link Builder#fails}.
     */
    public Map<Integer, String> problems() {
        Map<Integer, String> all = new java.util.TreeMap<>();
        if (body != null || !queryParams.isEmpty()) {
            all.put(400, "The request cannot be read (malformed JSON, not an object, a bad query parameter)");
        }
        if (access.needsCaller()) {
            all.put(401, "No valid access token or API key");
            all.put(403, "The caller may not do this: " + access.describe());
        }
        if (pathParams.values().stream().anyMatch(p -> p.check() != ParamCheck.TEXT)) {
            all.put(404, "No such resource among the caller's (also for another user's id)");
        }
        if (body != null) {
            all.put(415, "The body is not application/json");
            all.put(422, "Invalid fields, each named in errors");
        }
        if (access.acceptsApiKeys()) {
            all.put(429, "The API key is over its rate limit; see Retry-After");
        }
        all.put(500, "An internal error; the detail has a reference to the server log");
        all.putAll(failures);
        return all;
    }

    /** {@code METHOD path}, the route's key. */
    public String key() {
        return method + " " + path;
    }

    /** True when {@code status} is a documented success of this route. */
    boolean declares(int status) {
        return responses.stream().anyMatch(r -> r.status() == status);
    }

    @Override
    public String toString() {
        return "Route[" + key() + "]";
    }

    /** Builds a {@link Route}; see the class comment for what it refuses. Not thread-safe. */
    public static final class Builder {
        private final Method method;
        private final String path;
        private String summary;
        private String description = "";
        private String tag;
        private Access access;
        private final Map<String, PathParam> pathParams = new LinkedHashMap<>();
        private final List<QueryParam> queryParams = new ArrayList<>();
        private Class<? extends Record> body;
        private final List<Response> responses = new ArrayList<>();
        private final Map<Integer, String> failures = new LinkedHashMap<>();
        private Endpoint endpoint;

        private Builder(Method method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            if (path == null || !path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
                throw new IllegalArgumentException("a route path starts with / and does not end with one: " + path);
            }
            this.path = path;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /** The group the route is listed under in the API description (e.g. "API keys"). */
        public Builder tag(String name) {
            this.tag = name;
            return this;
        }

        public Builder access(Access requirement) {
            this.access = Objects.requireNonNull(requirement, "requirement");
            return this;
        }

        /** Path parameter {@code name} is the id of a resource of kind {@code kind} that must be the caller's (else 404). */
        public Builder owned(String name, Owned kind, String text) {
            return param(new PathParam(name, ParamCheck.OWNED, Objects.requireNonNull(kind, "kind"), text));
        }

        /** Path parameter {@code name} is the id of a resource of kind {@code kind} that must exist, whoever owns it (else 404). */
        public Builder existing(String name, Owned kind, String text) {
            return param(new PathParam(name, ParamCheck.EXISTS, Objects.requireNonNull(kind, "kind"), text));
        }

        /** Path parameter {@code name} is plain text that the handler checks. */
        public Builder text(String name, String text) {
            return param(new PathParam(name, ParamCheck.TEXT, null, text));
        }

        private Builder param(PathParam p) {
            if (pathParams.put(p.name(), p) != null) {
                throw new IllegalArgumentException("path parameter declared twice: " + p.name());
            }
            return this;
        }

        public Builder query(String name, Class<?> type, boolean required, String text) {
            queryParams.add(new QueryParam(name, type, required, text));
            return this;
        }

        /** The JSON request body's type: a record whose components are the body's fields. */
        public Builder body(Class<? extends Record> type) {
            this.body = Objects.requireNonNull(type, "type");
            return this;
        }

        /** A JSON success response of {@code type} (null for no body). */
        public Builder responds(int status, Class<?> type, String text) {
            return responds(status, type, type == null ? null : "application/json", text);
        }

        /** A success response of {@code type} in {@code contentType}. */
        public Builder responds(int status, Class<?> type, String contentType, String text) {
            if (status < 200 || status > 399) {
                throw new IllegalArgumentException("declare successes only; problems are documented for every route: " + status);
            }
            responses.add(new Response(status, type, contentType, text));
            return this;
        }

        /** A problem status this route answers beyond those every route of its kind has (e.g. 409), and why. */
        public Builder fails(int status, String text) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a failure status is 4xx or 5xx: " + status);
            }
            failures.put(status, Objects.requireNonNull(text, "text"));
            return this;
        }

        /** Finishes the route with its handler. */
        public Route handle(Endpoint handler) {
            this.endpoint = Objects.requireNonNull(handler, "handler");
            String where = method + " " + path;
            if (access == null || summary == null || tag == null || responses.isEmpty()) {
                throw new IllegalStateException(where + " needs access, summary, tag and at least one response");
            }
            Set<String> inPath = new java.util.LinkedHashSet<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            if (!inPath.equals(pathParams.keySet())) {
                throw new IllegalStateException(where + ": path parameters " + inPath + " but declared " + pathParams.keySet());
            }
            if (body != null && (method == Method.GET || method == Method.DELETE)) {
                throw new IllegalStateException(where + ": " + method.name().toLowerCase(Locale.ROOT) + " routes take no body");
            }
            return new Route(this);
        }
    }
}
