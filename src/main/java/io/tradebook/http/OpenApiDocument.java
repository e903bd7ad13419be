package io.tradebook.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.0 description of the API, generated from the {@link RouteRegistry}: one operation
 * per route, with its parameters, body, success responses, every problem it can answer (as
 * {@code application/problem+json}) and who may call it. Since routes and document come from the
 * same objects, they cannot drift apart. Stateless.
 */
final class OpenApiDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    static ObjectNode of(List<Route> routes, String version) {
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode doc = NODES.objectNode().put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Tradebook API").put("version", version)
                .put("description", "Multi-user algorithmic trading with exact books. Decimals are strings; times are ISO-8601; "
                        + "every error is application/problem+json (RFC 9457). Sign in with POST /api/auth/login and send "
                        + "'Authorization: Bearer <accessToken>', or send an API key as a bearer token or in X-API-Key.");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        Set<String> tags = new LinkedHashSet<>();
        for (Route route : routes) {
            tags.add(route.tag());
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route, schemas));
        }
        ArrayNode tagList = doc.putArray("tags");
        tags.forEach(t -> tagList.addObject().put("name", t));
        ObjectNode components = doc.putObject("components");
        schemas.schemaFor(Problem.class);
        components.set("schemas", schemas.components());
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "An access token from /api/auth/login, or an API key (tbk_…)");
        security.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .put("description", "An API key (tbk_…), on routes that accept keys");
        return doc;
    }

    private static ObjectNode operation(Route route, JsonSchemas schemas) {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", operationId(route));
        op.put("summary", route.summary());
        op.put("description", (route.description().isEmpty() ? "" : route.description() + "\n\n") + "Who may call: "
                + route.access().describe() + ".");
        op.putArray("tags").add(route.tag());
        op.put("x-tradebook-access", route.access().kind().name() + (route.access().requiredScope() == null ? ""
                : ":" + route.access().requiredScope().label()));
        ArrayNode security = op.putArray("security");
        if (route.access().needsCaller()) {
            security.addObject().putArray("bearer");
            if (route.access().acceptsApiKeys()) {
                security.addObject().putArray("apiKey");
            }
        }
        ArrayNode parameters = op.putArray("parameters");
        for (Route.PathParam p : route.pathParams()) {
            ObjectNode param = parameters.addObject().put("name", p.name()).put("in", "path").put("required", true)
                    .put("description", p.description());
            param.set("schema", p.check() == Route.ParamCheck.TEXT ? schemas.schemaFor(String.class) : schemas.schemaFor(java.util.UUID.class));
        }
        for (Route.QueryParam q : route.queryParams()) {
            ObjectNode param = parameters.addObject().put("name", q.name()).put("in", "query").put("required", q.required())
                    .put("description", q.description());
            param.set("schema", schemas.schemaFor(q.type()));
        }
        if (route.body() != null) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            body.putObject("content").putObject("application/json").set("schema", schemas.schemaFor(route.body()));
        }
        ObjectNode responses = op.putObject("responses");
        for (Route.Response r : route.responses()) {
            ObjectNode response = responses.putObject(Integer.toString(r.status())).put("description", r.description());
            if (r.type() != null) {
                response.putObject("content").putObject(r.contentType()).set("schema", schemas.schemaFor(r.type()));
            }
        }
        for (Map.Entry<Integer, String> problem : route.problems().entrySet()) {
            ObjectNode response = responses.putObject(Integer.toString(problem.getKey())).put("description", problem.getValue());
            response.putObject("content").putObject(Problem.MEDIA_TYPE).set("schema", schemas.schemaFor(Problem.class));
        }
        return op;
    }

    /** {@code post /api/keys/{keyId}} becomes {@code postApiKeysByKeyId}. */
    static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String segment : route.path().split("[/.-]")) {
            if (segment.isEmpty()) {
                continue;
            }
            String word = segment.startsWith("{") ? "By" + capitalise(segment.substring(1, segment.length() - 1)) : capitalise(segment);
            id.append(word);
        }
        return id.toString();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
