package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo of a first {@code tradebook serve}: on a fresh H2 file the demo user signs in with the
 * password printed once, has its paper account, and a demo strategy fills within a minute or so; a
 * second start creates no second demo but resumes it; {@code --no-demo} creates no user.
 */
class ServeDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** A running serve and what it printed. */
    private record Running(ServeCommand serve, StringWriter out, CompletableFuture<Integer> exit, int port) {
        void stop() throws Exception {
            serve.stop();
            assertThat(exit.get()).isZero();
        }
    }

    private Running serve(String... more) {
        ServeCommand serve = new ServeCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(serve);
        cli.setOut(new PrintWriter(out, true));
        String[] args = new String[8 + more.length];
        String[] base = {"--port", "0", "--host", "127.0.0.1", "--data-dir", dir.resolve("secrets").toString(), "--db-url", url()};
        System.arraycopy(base, 0, args, 0, 8);
        System.arraycopy(more, 0, args, 8, more.length);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        await().atMost(Duration.ofSeconds(90)).until(() -> exit.isDone() || out.toString().contains("serving on"));
        assertThat(exit.isDone()).as("still running: " + out).isFalse();
        Matcher m = Pattern.compile("serving on http://[^:]+:(\\d+)").matcher(out.toString());
        assertThat(m.find()).isTrue();
        return new Running(serve, out, exit, Integer.parseInt(m.group(1)));
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db/tradebook");
    }

    @Test
    void aFreshServeShowsALivingDemoAndASecondStartResumesIt() throws Exception {
        Running first = serve();
        String account;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.out().toString().contains("demo: user")
                    || first.out().toString().contains("demo: n"));
            Matcher m = Pattern.compile("demo: user demo@tradebook\\.local with password (\\S+)").matcher(first.out().toString());
            assertThat(m.find()).as(first.out().toString()).isTrue();
            assertThat(first.out().toString()).doesNotContain("not activated").doesNotContain("no replay");
            String token = login(first.port(), m.group(1));
            JsonNode accounts = get(first.port(), token, "/api/accounts");
            JsonNode demo = accounts.get("accounts").get(0);
            assertThat(demo.get("name").asText()).isEqualTo("Demo");
            assertThat(demo.get("cash").asText()).isEqualTo("100000");
            account = demo.get("id").asText();
            JsonNode strategies = get(first.port(), token, "/api/accounts/" + account + "/strategies").get("strategies");
            assertThat(strategies.findValuesAsText("name")).contains("demo-sma-cross", "demo-rsi");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (JsonNode f : get(first.port(), token, "/api/accounts/" + account + "/fills").get("fills")) {
                    if (f.get("strategy").asText().startsWith("demo-")) {
                        return true;
                    }
                }
                return false;
            });
        } finally {
            first.stop();
        }

        Running second = serve();
        try {
            assertThat(second.out().toString()).doesNotContain("demo: user");
            assertThat(users()).isEqualTo(1L);
        } finally {
            second.stop();
        }
    }

    @Test
    void noDemoCreatesNoUser() throws Exception {
        Running running = serve("--no-demo");
        running.stop();
        assertThat(running.out().toString()).doesNotContain("demo:");
        assertThat(users()).isZero();
    }

    private long users() {
        try (Database db = Database.open(DatabaseConfig.fromEnvironment(java.util.Map.of("TRADEBOOK_DB_URL", url())))) {
            Long n = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
            return n;
        }
    }

    private String login(int port, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"demo@tradebook.local\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("accessToken").asText();
    }

    private JsonNode get(int port, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
