package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.Database;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad requests on every route that takes a body (taken from the registry, so later routes are
 * fuzzed too): malformed JSON, the wrong shape, a wrong type in each field, unknown and missing
 * fields, a wrong content type. None may answer 500; each answers a problem, naming the field
 * when one is at fault.
 */
abstract class BadInputContract {
    private static final List<String> NOT_AN_OBJECT = List.of("", "not json", "{", "[1,2]", "\"text\"", "42", "null", "{\"a\":1,\"a\":2}",
            "[".repeat(200) + "]".repeat(200), "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}");
    private TestServer s;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase(), new ProbeRoutes());
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void badBodiesAreRefusedWithTheirFieldsAndNeverWithA500() {
        TestServer.Session user = s.signUp("fuzz@example.com");
        TestServer.Session admin = s.admin();
        int fuzzed = 0;
        for (Route route : s.server.routes()) {
            if (route.body() == null) {
                continue;
            }
            TestServer.Session caller = route.access().kind() == Access.Kind.ADMIN
                    || route.access().requiredScope() == io.tradebook.core.access.Scope.MARKET_DATA ? admin : user;
            ApiClient client = caller.client();
            String path = new Fixtures(s, caller).path(route, "text");
            String method = route.method().name();
            for (String payload : NOT_AN_OBJECT) {
                ApiClient.Response r = client.send(method, path, payload, "application/json");
                assertThat(r.status()).as(route.key() + " with " + abbreviate(payload) + ": " + r.body()).isEqualTo(400);
                assertThat(r.isProblem()).isTrue();
            }
            ApiClient.Response plain = client.send(method, path, "{}", "text/plain");
            assertThat(plain.status()).as(route.key() + " as text/plain").isEqualTo(415);
            ApiClient.Response unknown = client.send(method, path, "{\"noSuchField\":1}", "application/json");
            assertThat(unknown.status()).as(route.key()).isEqualTo(422);
            assertThat(AuthContract.fields(unknown)).contains("noSuchField");
            for (RecordComponent c : route.body().getRecordComponents()) {
                for (String wrong : wrongValues(c)) {
                    ApiClient.Response r = client.send(method, path, "{\"" + c.getName() + "\":" + wrong + "}", "application/json");
                    assertThat(r.status()).as(route.key() + " with " + c.getName() + "=" + wrong + ": " + r.body()).isEqualTo(422);
                    assertThat(AuthContract.fields(r)).as(route.key() + " names " + c.getName())
                            .anyMatch(f -> f.equals(c.getName()) || f.startsWith(c.getName() + "[") || f.startsWith(c.getName() + "."));
                }
            }
            fuzzed++;
        }
        assertThat(fuzzed).isGreaterThanOrEqualTo(12);
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        ApiClient.Response empty = s.anonymous.post("/api/auth/register", "{}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(AuthContract.fields(empty)).containsExactlyInAnyOrder("email", "password", "fullName");
        ApiClient.Response nulls = s.anonymous.post("/api/auth/login", "{\"email\":null,\"password\":null}");
        assertThat(AuthContract.fields(nulls)).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void bodiesAreReadWhetherTheyDeclareTheirLengthOrNotAndHoweverLong() {
        String login = "{\"email\":\"nobody@example.com\",\"password\":\"not-the-password-1\"}";
        ApiClient.Response declared = s.anonymous.post("/api/auth/login", login);
        assertThat(declared.status()).as(declared.body()).isEqualTo(401);
        ApiClient.Response chunked = s.anonymous.sendChunked("POST", "/api/auth/login", login, "application/json");
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(401);
        // beyond the length read directly, below Javalin's maximum
        String padded = login.replace("{", "{" + " ".repeat(Call.READ_DIRECTLY + 10));
        ApiClient.Response large = s.anonymous.post("/api/auth/login", padded);
        assertThat(large.status()).as(large.body()).isEqualTo(401);
        ApiClient.Response empty = s.anonymous.post("/api/auth/login", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
    }

    @Test
    void unknownPathsMethodsLargeBodiesAndFaultsAreProblemsToo() {
        ApiClient.Response unknown = s.anonymous.get("/api/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        ApiClient.Response method = s.anonymous.send("PUT", "/api/auth/login", "{}", "application/json");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.isProblem()).isTrue();
        ApiClient.Response large = s.anonymous.post("/api/auth/login", "{\"email\":\"" + "a".repeat(2_000_000) + "\"}");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.isProblem()).isTrue();

        ApiClient.Response fault = s.anonymous.get("/api/probe/failure");
        assertThat(fault.status()).isEqualTo(500);
        assertThat(fault.isProblem()).isTrue();
        assertThat(fault.body()).doesNotContain("hunter2").contains("reference");
        String reference = fault.text("detail").replaceAll(".*reference ", "");
        String logged = s.database.jdbi().withHandle(h -> h.createQuery("SELECT CAST(details AS VARCHAR(4000)) FROM system_logs "
                + "WHERE level = 'ERROR'").mapTo(String.class).one());
        assertThat(logged).contains(reference);
    }

    /** Values of the wrong type or form for component {@code c}. */
    private static List<String> wrongValues(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return List.of("12345", "true", "{\"a\":1}");
        }
        if (type == Boolean.class || type == boolean.class) {
            return List.of("\"yes\"", "1");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return List.of("\"ten\"", "1.5", "99999999999999999999");
        }
        if (type == BigDecimal.class) {
            return List.of("\"12,5\"", "\"1e5x\"", "true");
        }
        if (type == UUID.class) {
            return List.of("\"not-a-uuid\"", "7");
        }
        if (type == Instant.class) {
            return List.of("\"yesterday\"", "1700000000", "\"2024-13-45T00:00:00Z\"");
        }
        if (type.isEnum()) {
            return List.of("\"NOPE\"", "3");
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            return List.of("\"not-a-list\"", "[" + (element == String.class ? "1" : "\"NOPE\"") + "]", "{}");
        }
        return List.of("5");
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
