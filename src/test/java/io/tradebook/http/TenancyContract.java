package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.Database;
import io.tradebook.store.Owned;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenancy walk: every route the server has (taken from its registry, so routes added later are
 * walked too) is called with another user's ids, with ids that do not exist and with text that is
 * no id; each answers 404, while the owner with the same ids does not.
 */
abstract class TenancyContract {
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
    void everyRouteAnswers404ForAnotherUsersIds() {
        TestServer.Session intruder = s.signUp("intruder@example.com");
        TestServer.Session admin = s.admin();
        List<String> walked = new ArrayList<>();
        int n = 0;
        for (Route route : s.server.routes()) {
            if (route.pathParams().stream().allMatch(p -> p.check() == Route.ParamCheck.TEXT)) {
                continue;
            }
            String body = route.body() == null ? null : "{}";
            String method = route.method().name();
            if (route.access().kind() == Access.Kind.ADMIN) {
                TestServer.Session someone = s.signUp("owner" + (n++) + "@example.com");
                String path = new Fixtures(s, someone).path(route, "x");
                assertThat(intruder.client().send(method, path, body, "application/json").status()).as(route.key()).isEqualTo(403);
                ApiClient.Response missing = admin.client().send(method, randomIds(route), body, "application/json");
                assertThat(missing.status()).as(route.key() + " " + missing.body()).isEqualTo(404);
                walked.add(route.key());
                continue;
            }
            TestServer.Session owner = s.signUp("owner" + (n++) + "@example.com");
            Fixtures fixtures = new Fixtures(s, owner);
            String path = fixtures.path(route, "x");

            ApiClient.Response foreign = intruder.client().send(method, path, body, "application/json");
            assertThat(foreign.status()).as(route.key() + " with another user's ids: " + foreign.body()).isEqualTo(404);
            assertThat(foreign.isProblem()).isTrue();
            assertThat(owner.client().send(method, randomIds(route), body, "application/json").status()).as(route.key()).isEqualTo(404);
            assertThat(owner.client().send(method, route.path().replaceAll("\\{[A-Za-z0-9]+}", "not-a-uuid"), body,
                    "application/json").status()).as(route.key() + " with text for an id").isEqualTo(404);
            ApiClient.Response own = owner.client().send(method, path, body, "application/json");
            assertThat(own.status()).as(route.key() + " by its owner: " + own.body()).isNotEqualTo(404).isLessThan(500);
            walked.add(route.key());
        }
        assertThat(walked).contains("GET /api/keys/{keyId}", "DELETE /api/keys/{keyId}", "GET /api/broker-connections/{connectionId}",
                "PATCH /api/broker-connections/{connectionId}", "DELETE /api/broker-connections/{connectionId}",
                "PATCH /api/admin/users/{userId}", "PATCH /api/admin/api-keys/{keyId}", "POST /api/probe/accounts/{accountId}/orders",
                "GET /api/accounts/{accountId}", "POST /api/accounts/{accountId}/orders", "DELETE /api/accounts/{accountId}/orders/{orderId}",
                "PATCH /api/accounts/{accountId}/orders/{orderId}", "GET /api/accounts/{accountId}/positions",
                "PATCH /api/accounts/{accountId}/risk-rules/{ruleId}", "POST /api/notifications/{notificationId}/read",
                "GET /api/accounts/{accountId}/journal", "GET /api/accounts/{accountId}/verification",
                "GET /api/backtests/{backtestId}", "GET /api/backtests/{backtestId}/result", "GET /api/backtests/{backtestId}/report",
                "DELETE /api/backtests/{backtestId}", "GET /api/ideas/{ideaId}", "PATCH /api/ideas/{ideaId}", "DELETE /api/ideas/{ideaId}",
                "POST /api/ideas/{ideaId}/analyse", "POST /api/ideas/{ideaId}/activate", "GET /api/accounts/{accountId}/performance",
                "GET /api/accounts/{accountId}/strategies/{activationId}/performance",
                "POST /api/accounts/{accountId}/strategies/{activationId}/performance/snapshots");
    }

    @Test
    void listsShowOnlyTheCallersOwnResources() {
        TestServer.Session owner = s.signUp("owner@example.com");
        Fixtures fixtures = new Fixtures(s, owner);
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Owned kind : Owned.values()) {
            (kind.numbered() ? numbers : ids).add(fixtures.id(kind));
        }
        TestServer.Session intruder = s.signUp("intruder@example.com");
        int lists = 0;
        for (Route route : s.server.routes()) {
            if (route.method() != Route.Method.GET || !route.pathParams().isEmpty() || !route.access().needsCaller()
                    || route.access().kind() == Access.Kind.ADMIN || streams(route)) {
                continue;
            }
            ApiClient.Response seen = intruder.client().get(route.path());
            assertThat(seen.status()).as(route.key()).isEqualTo(200);
            for (String id : ids) {
                assertThat(seen.body()).as(route.key() + " shows " + id).doesNotContain(id);
            }
            for (String number : numbers) {
                assertThat(seen.body()).as(route.key() + " shows " + number).doesNotContainPattern("\"id\":" + number + "[,}]");
            }
            lists++;
        }
        assertThat(lists).isGreaterThanOrEqualTo(3);
    }

    /** An event stream never ends, so it cannot be read as a list; EventStreamTest checks it shows only the caller's events. */
    private static boolean streams(Route route) {
        return route.responses().stream().anyMatch(r -> EventRoutes.EVENT_STREAM.equals(r.contentType()));
    }

    private static String randomIds(Route route) {
        String path = route.path();
        for (Route.PathParam p : route.pathParams()) {
            path = path.replace("{" + p.name() + "}", p.owned() == null ? "x" : p.owned().numbered() ? "987654321"
                    : UUID.randomUUID().toString());
        }
        return path;
    }
}
