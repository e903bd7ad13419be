package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's own routes, open to anyone: {@code /health} (is the database reachable),
 * {@code /metrics} (Prometheus), {@code /openapi.json} (the API description) and {@code /docs}
 * (Swagger UI, served from the WebJar in the jar; nothing is downloaded at run time).
 */
final class SystemRoutes implements RouteModule {
    static final String DOCS_PATH = "/docs";
    static final String SWAGGER_PATH = "/docs/ui";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private final Supplier<ObjectNode> document;
    private final HttpMetrics metrics;

    SystemRoutes(Supplier<ObjectNode> document, HttpMetrics metrics) {
        this.document = document;
        this.metrics = metrics;
    }

    /** The server's health. Immutable. */
    record Health(@JsonPropertyDescription("UP when the server can serve requests, else DOWN") String status,
                  @JsonPropertyDescription("UP when the database answered within 3 seconds, else DOWN") String database,
                  Instant checkedAt) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.get("/health").tag("System").summary("Whether the server and its database are up").access(Access.anyone())
                .responds(200, Health.class, "Up").fails(503, "The database is not reachable")
                .handle(call -> {
                    boolean up = databaseAnswers(context);
                    Health health = new Health(up ? "UP" : "DOWN", up ? "UP" : "DOWN", call.now());
                    if (!up) {
                        throw new ProblemException(Problem.of("unavailable", 503, "Service unavailable", "the database is not reachable"));
                    }
                    return Reply.ok(health);
                }));
        routes.add(Route.get("/metrics").tag("System").summary("Metrics in the Prometheus text format").access(Access.anyone())
                .responds(200, String.class, HttpMetrics.CONTENT_TYPE, "Request timers by route and status, JVM metrics")
                .handle(call -> Reply.text(200, metrics.scrape(), HttpMetrics.CONTENT_TYPE)));
        routes.add(Route.get("/openapi.json").tag("System").summary("This API's OpenAPI 3 description").access(Access.anyone())
                .responds(200, Object.class, "The OpenAPI document")
                .handle(call -> Reply.ok(document.get())));
        routes.add(Route.get(DOCS_PATH).tag("System").summary("The interactive API page (Swagger UI)").access(Access.anyone())
                .responds(200, String.class, "text/html; charset=utf-8", "An HTML page")
                .handle(call -> Reply.text(200, page(), "text/html; charset=utf-8")));
    }

    private static boolean databaseAnswers(ServerContext context) {
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = context.database().dataSource().getConnection()) {
                return connection.isValid(2);
            } catch (Exception e) {
                return false;
            }
        });
        try {
            return check.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            check.cancel(true);
            return false;
        }
    }

    private static String page() {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tradebook API</title>"
                + "<link rel=\"stylesheet\" href=\"" + SWAGGER_PATH + "/swagger-ui.css\"></head><body><div id=\"swagger-ui\"></div>"
                + "<script src=\"" + SWAGGER_PATH + "/swagger-ui-bundle.js\"></script>"
                + "<script src=\"" + SWAGGER_PATH + "/swagger-ui-standalone-preset.js\"></script>"
                + "<script>window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, "
                + "persistAuthorization: true, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], "
                + "layout: 'StandaloneLayout'});</script></body></html>";
    }

    /** Where the Swagger UI WebJar keeps its files on the class path. */
    static String swaggerDirectory() {
        Properties properties = new Properties();
        try (InputStream in = SystemRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI WebJar is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Swagger UI WebJar's version", e);
        }
        return WEBJAR + properties.getProperty("version");
    }
}
