package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files over plain HTTP: content types, caching, deep links, and what is refused. */
class DashboardAssetsTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer(TestDatabases.h2());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static ApiClient browser() {
        return s.anonymous.with("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    @Test
    void theShellIsServedAtTheRootAndAtEveryDeepLink() {
        for (String path : new String[] {"/", "/keys", "/connections", "/sign-in?next=%2Fkeys", "/no/such/page"}) {
            ApiClient.Response page = browser().get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType().replace(" ", "")).as(path).isEqualTo("text/html;charset=utf-8");
            assertThat(page.body()).as(path).contains("<script type=\"module\" src=\"/app/main.js\">", "Skip to content");
            assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void filesHaveTheirContentTypesAndRevalidateWithTheirEntityTag() {
        String[][] files = {{"/app/main.js", "text/javascript; charset=utf-8"}, {"/app/style.css", "text/css; charset=utf-8"},
            {"/app/icon.svg", "image/svg+xml"}, {"/app/pages/keys.js", "text/javascript; charset=utf-8"},
            {"/vendor/uplot/uPlot.esm.js", "text/javascript; charset=utf-8"}, {"/vendor/uplot/uPlot.min.css", "text/css; charset=utf-8"}};
        for (String[] file : files) {
            ApiClient.Response first = browser().get(file[0]);
            assertThat(first.status()).as(file[0]).isEqualTo(200);
            assertThat(first.contentType().replace(" ", "")).as(file[0]).isEqualTo(file[1].replace(" ", ""));
            assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
            String etag = first.header("ETag");
            assertThat(etag).matches("\"[0-9a-f]{32}\"");
            ApiClient.Response again = browser().with("If-None-Match", etag).get(file[0]);
            assertThat(again.status()).as("unchanged: " + file[0]).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(browser().with("If-None-Match", "\"other\"").get(file[0]).status()).isEqualTo(200);
        }
        assertThat(browser().get("/vendor/uplot/uPlot.esm.js").body()).contains("export { uPlot as default }");
    }

    @Test
    void missingFilesAndApiPathsAreProblemsNeverTheShell() {
        for (String path : new String[] {"/app/missing.js", "/vendor/uplot/nothing.js", "/vendor/nothing/x.js", "/app/../index.html",
            "/api/nothing", "/api", "/web/index.html", "/app/main.class"}) {
            ApiClient.Response answer = browser().get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith(Problem.MEDIA_TYPE);
        }
        ApiClient.Response json = s.anonymous.with("Accept", "application/json").get("/keys");
        assertThat(json.status()).as("an API client asking for JSON gets no page").isEqualTo(404);
        assertThat(s.anonymous.post("/keys", "{}").status()).as("pages are only read").isIn(404, 405);
    }

    @Test
    void theDashboardAddsNoRouteToTheApi() {
        assertThat(s.server.routes()).noneMatch(r -> r.path().equals("/") || r.path().startsWith("/app"));
        assertThat(s.server.installedHandlers()).noneMatch(h -> h.endsWith(" /") || h.contains("/app"));
    }
}
