package io.tradebook.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's metrics in Prometheus form: a timer per request ({@code http_server_requests_seconds},
 * tagged with method, route template, status and outcome, so ids do not explode the series) and
 * the JVM's memory, GC, threads, class loading, CPU and uptime. Thread-safe; close it with the server.
 */
final class HttpMetrics implements AutoCloseable {
    /** The Prometheus text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    HttpMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Times every request from the first filter to the last. */
    void install(Javalin app) {
        app.before(ctx -> ctx.attribute(ServerAttributes.STARTED, System.nanoTime()));
        app.after(this::record);
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(ServerAttributes.STARTED);
        if (started == null) {
            return;
        }
        int status = ctx.statusCode();
        String method = ctx.method().name();
        String uri = template(ctx);
        timers.computeIfAbsent(new Series(method, uri, status), k -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route template and status")
                        .tag("method", method).tag("uri", uri).tag("status", Integer.toString(status))
                        .tag("outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                        .register(registry))
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** One timer's tags; the routes' templates keep the number of series small. */
    private record Series(String method, String uri, int status) {
    }

    /** The timers made so far: building and registering one (sorting and merging its tags) costs more than recording. */
    private final java.util.concurrent.ConcurrentMap<Series, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private static String template(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || !path.startsWith("/") ? "UNMATCHED" : path;
        } catch (RuntimeException unmatched) {
            return "UNMATCHED";
        }
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
