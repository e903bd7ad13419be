package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.store.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /openapi.json matches the routes exactly; /docs, /health and /metrics work from the jar's own files. */
class OpenApiAndSystemTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(TestDatabases.h2(), new ProbeRoutes());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void theDescriptionHasEveryRouteAndNothingElse() {
        JsonNode doc = s.anonymous.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
        Set<String> described = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        Set<String> registered = new HashSet<>();
        s.server.routes().forEach(r -> registered.add(r.key()));
        assertThat(described).isEqualTo(registered);
        assertThat(new HashSet<>(s.server.installedHandlers())).as("nothing bypasses the registry").isEqualTo(registered);
        assertThat(registered).contains("POST /api/auth/register", "POST /api/auth/login", "POST /api/keys", "GET /health",
                "GET /metrics", "GET /docs", "POST /api/probe/orders");
    }

    @Test
    void everyOperationIsCompleteAndEveryReferenceResolves() {
        JsonNode doc = s.anonymous.get("/openapi.json").json();
        Set<String> operationIds = new HashSet<>();
        doc.get("paths").forEach(path -> path.forEach(op -> {
            assertThat(operationIds.add(op.get("operationId").asText())).as("unique operationId").isTrue();
            assertThat(op.get("summary").asText()).isNotBlank();
            assertThat(op.get("responses").fieldNames()).toIterable().anyMatch(status -> status.startsWith("2"));
            assertThat(op.get("responses").has("500")).isTrue();
        }));
        JsonNode register = doc.at("/paths/~1api~1auth~1register/post");
        assertThat(register.at("/responses/422/content").has("application/problem+json")).isTrue();
        assertThat(register.at("/responses/409")).isNotNull();
        assertThat(doc.at("/paths/~1api~1keys~1{keyId}/get/responses/404").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1keys~1{keyId}/get/responses/429").isMissingNode()).as("keys cannot call it").isTrue();
        assertThat(doc.at("/paths/~1api~1me/get/responses/429").isMissingNode()).as("keys can call it").isFalse();
        assertThat(doc.at("/components/schemas/Register/required").toString()).contains("email", "password", "fullName");
        assertThat(doc.at("/components/schemas/Price/properties/price/type").asText()).isEqualTo("string");
        assertThat(doc.at("/components/schemas/CreateKey/properties/scopes/items/enum").toString()).contains("market-data");
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void theApiPageIsServedFromTheJarsOwnWebJar() {
        ApiClient.Response page = s.anonymous.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/docs/ui/swagger-ui-bundle.js", "/openapi.json");
        ApiClient.Response bundle = s.anonymous.get("/docs/ui/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(s.anonymous.get("/docs/ui/swagger-ui.css").status()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsAnswer() {
        ApiClient.Response health = s.anonymous.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("database")).isEqualTo("UP");
        s.anonymous.get("/api/me");
        String metrics = s.anonymous.get("/metrics").body();
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"/api/me\"}");
        assertThat(metrics).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void decimalsAreStringsAndTimesAreIsoInResponses() {
        String admin = s.admin().accessToken();
        ApiClient.Response price = s.anonymous.bearer(admin).post("/api/probe/prices", "{\"symbol\":\"BTC\",\"price\":0.000000012345678901}");
        assertThat(price.status()).as(price.body()).isEqualTo(200);
        assertThat(price.body()).contains("\"price\":\"0.000000012345678901\"");
        assertThat(s.anonymous.bearer(admin).get("/api/me").json().at("/user/createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
