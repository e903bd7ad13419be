package io.tradebook.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every API route of the server, in registration order: the single source from which the server
 * installs its handlers and generates {@code /openapi.json}. Route modules add to it while the
 * server is built; it is sealed before the server starts. Not thread-safe while open; read-only
 * (and so thread-safe) once sealed.
 *
 * <p>Refuses a second route with the same method and path, and any addition once sealed.
 */
public final class RouteRegistry {
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean sealed;

    /** Something a module started (a worker pool) that the server closes when it stops, last added first. */
    public void closeOnStop(AutoCloseable resource) {
        resources.add(0, Objects.requireNonNull(resource, "resource"));
    }

    List<AutoCloseable> resources() {
        return List.copyOf(resources);
    }

    /** Adds {@code route}. */
    public RouteRegistry add(Route route) {
        Objects.requireNonNull(route, "route");
        if (sealed) {
            throw new IllegalStateException("routes are fixed once the server starts: " + route);
        }
        if (routes.putIfAbsent(route.key(), route) != null) {
            throw new IllegalArgumentException("route registered twice: " + route.key());
        }
        return this;
    }

    /** Every route, in registration order. */
    public List<Route> routes() {
        return List.copyOf(new ArrayList<>(routes.values()));
    }

    void seal() {
        sealed = true;
    }
}
