package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during a burst of orders: {@code tradebook serve} runs as a child JVM on a fresh
 * PostgreSQL schema; the test sends orders from several threads (market buys that fill at once and
 * limit buys that stay working), kills the child with {@code destroyForcibly()} mid-burst, starts
 * it again (same data directory, so the same node), and checks: every order whose submit was
 * acknowledged exists; no fill was applied twice (trade ids unique, every order's fills add up to
 * its filled quantity, the holding equals the fills); {@code verify-books} is clean; the working
 * orders were resumed and fill after a price push.
 */
class PostgresKillNineTest {
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "root@tradebook.test";
    private static final String ADMIN_PASSWORD = "Superuser-pass-1";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> children = new ArrayList<>();
    private Database database;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void acknowledgedOrdersSurviveAKillAndNothingFillsTwice() throws Exception {
        database = TestDatabases.postgres();
        Jdbi jdbi = database.jdbi();
        Child first = start();
        String admin = signIn(first, ADMIN, ADMIN_PASSWORD);
        HttpResponse<String> registered = call(first, "POST", "/api/auth/register", null,
                "{\"email\":\"ada@example.com\",\"password\":\"Correct-Horse-77-battery\",\"fullName\":\"Ada Lovelace\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String ada = signIn(first, "ada@example.com", "Correct-Horse-77-battery");
        assertThat(call(first, "POST", "/api/securities", admin,
                "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}").statusCode()).isEqualTo(201);
        push(first, admin, "100");
        HttpResponse<String> opened = call(first, "POST", "/api/accounts", ada,
                "{\"name\":\"Main\",\"type\":\"MARGIN\",\"initialCash\":\"1000000\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String account = JSON.readTree(opened.body()).get("id").asText();
        String orders = "/api/accounts/" + account + "/orders";

        // the burst: market buys (fill at once) and limit buys at 50 (stay working), from six threads, until the child dies
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> working = ConcurrentHashMap.newKeySet();
        AtomicBoolean dead = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int n = 0; !dead.get(); n++) {
                    boolean limit = n % 3 == 0;
                    String body = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":\"1\",\"clientOrderId\":\"burst-" + thread + "-" + n + "\","
                            + (limit ? "\"type\":\"LIMIT\",\"limitPrice\":\"50\"}" : "\"type\":\"MARKET\"}");
                    try {
                        HttpResponse<String> r = call(first, "POST", orders, ada, body);
                        if (r.statusCode() / 100 == 2) {
                            String id = JSON.readTree(r.body()).get("id").asText();
                            acknowledged.add(id);
                            if (limit) {
                                working.add(id);
                            }
                        }
                    } catch (IOException e) {
                        return; // the child is gone: this submit was not acknowledged
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 60);
        first.process().destroyForcibly();
        dead.set(true);
        assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Child second = start();
        assertThat(count(jdbi, "SELECT COUNT(*) FROM orders WHERE id IN (<ids>)", acknowledged))
                .as("every acknowledged order exists").isEqualTo(acknowledged.size());
        assertNoDoubleFills(jdbi, account);
        assertBooksClean();

        // the working orders came back to the paper broker: a price at their limit fills every one
        push(second, signIn(second, ADMIN, ADMIN_PASSWORD), "50");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbi, "SELECT COUNT(*) FROM orders WHERE account_id = CAST('" + account
                + "' AS UUID) AND status IN ('PENDING', 'PLACED', 'PARTIALLY_FILLED')", Set.of()) == 0);
        assertThat(count(jdbi, "SELECT COUNT(*) FROM orders WHERE id IN (<ids>) AND status = 'FILLED'", working))
                .as("every acknowledged working order filled").isEqualTo(working.size());
        assertNoDoubleFills(jdbi, account);
        assertBooksClean();
        List<String> tags = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT substring(broker_trade_id from '^PT-(.*)-[0-9]+$') FROM fills")
                .mapTo(String.class).list());
        assertThat(tags).as("trade ids carry the node and its start").contains("kill-1").contains("kill-2");
    }

    private static void assertNoDoubleFills(Jdbi jdbi, String account) {
        Map<String, Object> fills = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS n, COUNT(DISTINCT broker_trade_id) AS trades, "
                + "COALESCE(SUM(quantity), 0) AS quantity FROM fills WHERE account_id = CAST(:a AS UUID)").bind("a", account).mapToMap().one());
        assertThat(((Number) fills.get("n")).longValue()).as("trade ids unique").isEqualTo(((Number) fills.get("trades")).longValue());
        assertThat(((Number) fills.get("n")).longValue()).isPositive();
        int mismatched = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM orders o WHERE o.account_id = CAST(:a AS UUID) AND "
                + "o.filled_quantity <> (SELECT COALESCE(SUM(f.quantity), 0) FROM fills f WHERE f.order_id = o.id)").bind("a", account)
                .mapTo(Integer.class).one());
        assertThat(mismatched).as("every order's fills add up to its filled quantity").isZero();
        BigDecimal held = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(quantity), 0) FROM holdings WHERE account_id = CAST(:a AS UUID) "
                + "AND status = 'OPEN'").bind("a", account).mapTo(BigDecimal.class).one());
        assertThat(held).as("the holding equals the fills").isEqualByComparingTo(new BigDecimal(fills.get("quantity").toString()));
    }

    private void assertBooksClean() {
        DatabaseConfig c = database.config();
        List<String> args = new ArrayList<>(List.of("verify-books", "--db-url", c.url(), "--db-user", c.user()));
        if (c.password() != null && !c.password().isEmpty()) {
            args.add("--db-password=" + c.password());
        }
        CliRun verified = CliRun.of(args.toArray(String[]::new));
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("books agree");
    }

    /** The count {@code sql} gives, with {@code ids} in its {@code <ids>} list, if it has one. */
    private static int count(Jdbi jdbi, String sql, Set<String> ids) {
        if (!sql.contains("<ids>")) {
            return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createQuery(sql).bindList("ids", ids.stream().map(java.util.UUID::fromString).toList())
                .mapTo(Integer.class).one());
    }

    // ------------------------------------------------------------------ the child process

    private record Child(Process process, int port) {
    }

    /** Starts {@code tradebook serve} as a child JVM on the test database, as node {@code kill}, and waits until it serves. */
    private Child start() throws IOException {
        DatabaseConfig c = database.config();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.tradebook.cli.TradebookCommand", "serve", "--no-demo", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("TRADEBOOK_DB_URL", c.url());
        env.put("TRADEBOOK_DB_USER", c.user() == null ? "" : c.user());
        env.put("TRADEBOOK_DB_PASSWORD", c.password() == null ? "" : c.password());
        env.put("TRADEBOOK_NODE", "kill");
        env.put("TRADEBOOK_ADMIN_EMAIL", ADMIN);
        env.put("TRADEBOOK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TRADEBOOK_BCRYPT_COST", "10");
        env.remove("TRADEBOOK_REDIS_URL");
        Process process = builder.start();
        children.add(process);
        StringBuilder output = new StringBuilder();
        int[] port = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        synchronized (port) {
                            port[0] = Integer.parseInt(m.group(1));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child died
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            synchronized (port) {
                if (port[0] > 0) {
                    return true;
                }
            }
            if (!process.isAlive()) {
                synchronized (output) {
                    throw new AssertionError("tradebook serve exited with " + process.exitValue() + ":\n" + output);
                }
            }
            return false;
        });
        synchronized (port) {
            return new Child(process, port[0]);
        }
    }

    private String signIn(Child child, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = call(child, "POST", "/api/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("accessToken").asText();
    }

    private void push(Child child, String admin, String price) throws IOException, InterruptedException {
        HttpResponse<String> pushed = call(child, "POST", "/api/market/prices", admin, "{\"symbol\":\"AAPL\",\"price\":\"" + price + "\"}");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    }

    private HttpResponse<String> call(Child child, String method, String path, String token, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + child.port() + path))
                .timeout(Duration.ofSeconds(20)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
