package io.tradebook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.http.LoggingSmsSender;
import io.tradebook.http.ServerConfig;
import io.tradebook.http.TradebookServer;
import io.tradebook.live.LiveSettings;
import io.tradebook.security.CredentialCipher;
import io.tradebook.security.SecretSource;
import io.tradebook.security.SecretTokens;
import io.tradebook.security.SecuritySettings;
import io.tradebook.store.Database;
import io.tradebook.trading.TradingSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The API load benchmark: a real {@link TradebookServer} in this process on a migrated database,
 * users registered and signed in over HTTP, paper CASH accounts opened with cash, securities listed
 * and priced by an administrator; then {@code clients} threads, each on its own HTTP/1.1 keep-alive
 * connection to the loopback port, submit orders ({@code POST /api/accounts/{id}/orders}) to
 * accounts spread over the users, each waiting for its answer before sending the next (a closed
 * loop). Each client trades one unit at a time, market and limit orders, buys and sells (see
 * {@link #order}); one order in eight is a limit buy far below the market that rests (PLACED).
 * An answer other than 201 with a FILLED or PLACED order is an error.
 *
 * <p>Each request is timed by the client from writing it to having read the whole answer (the
 * server answers once the order is durable). Requests sent during the warm-up are not counted;
 * those sent during the measured window are. The figures also give the CPU time the process spent
 * per submit, client threads excluded: on a machine shared with other work, that is the steadier
 * measure of the server's cost.
 */
public final class ApiLoad implements AutoCloseable {
    private static final String ADMIN_EMAIL = "bench-admin@tradebook.invalid";
    private static final String ADMIN_PASSWORD = "Load-test-Root-9";
    private static final String[] SYMBOLS = {"BNCA", "BNCB", "BNCC", "BNCD"};
    private static final String PRICE = "100.00";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run measured. Immutable. */
    public record Figures(long submits, double seconds, double perSecond, double p50Millis, double p99Millis, double maxMillis,
                          long errors, String firstError, double serverCpuMillisPerSubmit, int clients, int accounts) {
    }

    /** One account's id and its owner's access token. Immutable. */
    private record Target(String accountId, String token) {
    }

    private final TradebookServer server;
    private final List<Target> targets = new ArrayList<>();

    private ApiLoad(TradebookServer server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code database} (migrated, empty), with {@code writers} group-commit
     * writers, and sets up {@code users} users with {@code accountsPerUser} paper CASH accounts each.
     */
    public static ApiLoad start(Database database, int users, int accountsPerUser, int writers) throws IOException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, SecretSource.of(CredentialCipher.newKeyset()),
                SecretSource.of(SecretTokens.newKey(48)), SecuritySettings.DEFAULT.withBcryptCost(4).withAccessTokenLifetime(
                Duration.ofHours(2)), ADMIN_EMAIL, ADMIN_PASSWORD, new LoggingSmsSender(), Clock.systemUTC(), List.of(),
                LiveSettings.DEFAULT, new TradingSettings(BigDecimal.ONE, BigDecimal.ZERO, writers));
        ApiLoad load = new ApiLoad(TradebookServer.start(config, database));
        try {
            load.setUp(users, accountsPerUser);
            return load;
        } catch (IOException | RuntimeException e) {
            load.close();
            throw e;
        }
    }

    private void setUp(int users, int accountsPerUser) throws IOException {
        try (KeepAliveConnection c = connection()) {
            String admin = signIn(c, ADMIN_EMAIL, ADMIN_PASSWORD);
            for (String symbol : SYMBOLS) {
                expect(c.send("POST", "/api/securities", admin, "{\"ticker\":\"" + symbol + "\",\"name\":\"Bench " + symbol
                        + "\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}"), 201, "list " + symbol);
                expect(c.send("POST", "/api/market/prices", admin, "{\"symbol\":\"" + symbol + "\",\"price\":\"" + PRICE + "\"}"), 200,
                        "price " + symbol);
            }
            for (int u = 0; u < users; u++) {
                String email = "bench-" + u + "@tradebook.invalid";
                String password = "Load-test-Pass-" + u;
                expect(c.send("POST", "/api/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\",\"fullName\":\"Bench user " + u + "\"}"), 201, "register " + email);
                String token = signIn(c, email, password);
                for (int a = 0; a < accountsPerUser; a++) {
                    JsonNode account = expect(c.send("POST", "/api/accounts", token, "{\"name\":\"Bench " + a
                            + "\",\"type\":\"CASH\",\"initialCash\":\"100000000\"}"), 201, "open an account for " + email);
                    targets.add(new Target(account.get("id").asText(), token));
                }
            }
        }
    }

    private static String signIn(KeepAliveConnection c, String email, String password) throws IOException {
        return expect(c.send("POST", "/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"), 200,
                "sign in " + email).get("accessToken").asText();
    }

    private static JsonNode expect(KeepAliveConnection.Answer answer, int status, String what) throws IOException {
        if (answer.status() != status) {
            throw new IllegalStateException("benchmark set-up failed: " + what + " answered " + answer.status() + ": " + answer.text());
        }
        return JSON.readTree(answer.body());
    }

    private KeepAliveConnection connection() {
        return new KeepAliveConnection("127.0.0.1", server.port());
    }

    /** The accounts orders go to. */
    public int accounts() {
        return targets.size();
    }

    /**
     * Drives the server with {@code clients} clients for {@code warmup}, then measures for
     * {@code window}, and returns the figures of the window. {@code midWarmup} runs once, halfway
     * through the warm-up, while the clients go on (the bench gathers the tables' statistics there).
     */
    public Figures run(int clients, Duration warmup, Duration window, Runnable midWarmup) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long windowEnd = windowStart + window.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong clientCpu = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long[] processCpuAtStart = new long[1];
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Target target = targets.get(i % targets.size());
            String symbol = SYMBOLS[(i / targets.size()) % SYMBOLS.length];
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                long cpuAtWindow = -1;
                long filledBuys = 0; // buys answered FILLED: surely held
                long sellsSent = 0;  // sells answered FILLED or PLACED (their fill may still be on its way)
                String path = "/api/accounts/" + target.accountId() + "/orders";
                try (KeepAliveConnection c = connection()) {
                    ready.countDown();
                    for (long k = 0; ; k++) {
                        long sent = System.nanoTime();
                        if (sent >= windowEnd) {
                            break;
                        }
                        if (cpuAtWindow < 0 && sent >= windowStart) {
                            cpuAtWindow = threads.getCurrentThreadCpuTime();
                        }
                        String failure;
                        String order = order(symbol, k, filledBuys > sellsSent);
                        boolean sell = order.contains("\"SELL\"");
                        try {
                            KeepAliveConnection.Answer a = c.send("POST", path, target.token(), order);
                            boolean filled = contains(a.body(), "\"status\":\"FILLED\"");
                            failure = a.status() != 201 ? a.status() + " " + a.text()
                                    : filled || contains(a.body(), "\"status\":\"PLACED\"") ? null : a.text();
                            if (failure == null && sell) {
                                sellsSent++;
                            } else if (failure == null && filled) {
                                filledBuys++;
                            }
                        } catch (IOException e) {
                            failure = e.toString();
                        }
                        long took = System.nanoTime() - sent;
                        if (sent >= windowStart) {
                            if (failure != null) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, failure);
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        } else if (failure != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "during the warm-up: " + failure);
                        }
                    }
                } finally {
                    if (cpuAtWindow >= 0) {
                        clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuAtWindow);
                    }
                    latencies[client] = mine;
                    counts[client] = n;
                    done.countDown();
                }
            }, "bench-client-" + i);
            t.setDaemon(true);
            started.add(t);
            t.start();
        }
        ready.await();
        Thread.sleep(Math.max(0, (start + warmup.toNanos() / 2 - System.nanoTime()) / 1_000_000));
        midWarmup.run();
        Thread.sleep(Math.max(0, (windowStart - System.nanoTime()) / 1_000_000));
        processCpuAtStart[0] = os.getProcessCpuTime();
        done.await();
        long processCpu = os.getProcessCpuTime() - processCpuAtStart[0];
        for (Thread t : started) {
            t.join();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        double seconds = window.toNanos() / 1e9;
        double serverCpu = Math.max(0, processCpu - clientCpu.get()) / 1e6;
        return new Figures(total, seconds, total / seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), firstError.get(),
                total == 0 ? 0 : serverCpu / total, clients, targets.size());
    }

    /**
     * The k-th order of a client, in cycles of eight: five buys (market, marketable limit, and one
     * limit far below the market that rests) and three sells (market and marketable limit). A sell
     * is sent only when {@code maySell}: the client's buys answered FILLED outnumber the sells it
     * sent. When several requests of one account are in flight, the paper broker's fill of one may
     * be delivered by another request's thread, so an order can come back PLACED with its fill on
     * its way; counting only FILLED buys keeps every sell covered (a CASH account cannot short).
     * Otherwise the sell becomes a market buy.
     */
    private static String order(String symbol, long k, boolean maySell) {
        String head = "{\"symbol\":\"" + symbol + "\",\"quantity\":\"1\",";
        String buy = head + "\"side\":\"BUY\",\"type\":\"MARKET\"}";
        return switch ((int) (k % 8)) {
            case 0, 3, 6 -> buy;
            case 1 -> head + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"limitPrice\":\"101.00\"}";
            case 2, 7 -> maySell ? head + "\"side\":\"SELL\",\"type\":\"MARKET\"}" : buy;
            case 4 -> maySell ? head + "\"side\":\"SELL\",\"type\":\"LIMIT\",\"limitPrice\":\"99.00\"}" : buy;
            default -> head + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"limitPrice\":\"50.00\"}";
        };
    }

    /** The value at fraction {@code q} of sorted nanoseconds (nearest rank), in milliseconds. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    private static boolean contains(byte[] body, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= body.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Stops the server (writing what is pending); the database stays open. */
    @Override
    public void close() {
        server.close();
    }
}
