package io.tradebook.http;

import io.tradebook.live.LiveSettings;
import io.tradebook.live.RetentionSchedule;
import io.tradebook.security.CredentialCipher;
import io.tradebook.security.SecretSource;
import io.tradebook.security.SecretTokens;
import io.tradebook.security.SecuritySettings;
import io.tradebook.store.Database;
import io.tradebook.trading.TradingSettings;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real server on a free port over a test database, with a cheap bcrypt cost, a clock the test
 * moves, and an SMS port that keeps the codes. Closing it stops the server and drops the database.
 */
final class TestServer implements AutoCloseable {
    static final String ADMIN_EMAIL = "root@tradebook.test";
    static final String ADMIN_PASSWORD = "Superuser-pass-1";

    final Database database;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:30:00Z"));
    final RecordingSms sms = new RecordingSms();
    TradebookServer server;
    final ApiClient anonymous;
    final String masterKey;
    ServerConfig config;
    private final boolean ownsDatabase;

    TestServer(Database database, UnaryOperator<ServerConfig> tweak, RouteModule... modules) {
        this(database, true, CredentialCipher.newKeyset(), SecretTokens.newKey(32), tweak, modules);
    }

    private TestServer(Database database, boolean ownsDatabase, String masterKey, String tokenKey, UnaryOperator<ServerConfig> tweak,
                       RouteModule... modules) {
        this.database = database;
        this.masterKey = masterKey;
        this.ownsDatabase = ownsDatabase;
        ServerConfig base = new ServerConfig("127.0.0.1", 0, SecretSource.of(masterKey), SecretSource.of(tokenKey),
                SecuritySettings.DEFAULT.withBcryptCost(4), ADMIN_EMAIL, ADMIN_PASSWORD, sms, clock, List.of(modules),
                LiveSettings.DEFAULT.withRetention(new RetentionSchedule(java.time.Duration.ZERO, 1000, null)), // run by hand in tests
                TradingSettings.DEFAULT);
        ServerConfig tweaked = tweak.apply(base);
        try {
            this.server = TradebookServer.start(tweaked, database);
        } catch (RuntimeException e) {
            if (ownsDatabase) {
                database.close();
            }
            throw e;
        }
        this.config = tweaked.withPort(server.port());
        this.anonymous = new ApiClient(server.uri());
    }

    /** Stops the server (not the database) and starts a new one on the same port and database, as a restart would. */
    void restart() {
        server.close();
        server = TradebookServer.start(config, database);
    }

    TestServer(Database database, RouteModule... modules) {
        this(database, c -> c, modules);
    }

    /**
     * A second server process of the same installation: the same database and secrets (so a
     * token from one works on the other), another port, its own node ({@code second} unless
     * {@code tweak} names one), and its own clock and settings. Close it before {@code first}, which owns the database.
     */
    static TestServer alongside(TestServer first, UnaryOperator<ServerConfig> tweak) {
        String tokenKey = first.config.tokenKey().value();
        return new TestServer(first.database, false, first.masterKey, tokenKey,
                c -> tweak.apply(c.withTrading(c.trading().withNode("second"))));
    }

    /**
     * A second server process that shares nothing in memory with {@code first}: as
     * {@link #alongside(TestServer, UnaryOperator)}, over its own connection pool {@code own} to the
     * same database, which it closes.
     */
    static TestServer alongside(TestServer first, Database own, UnaryOperator<ServerConfig> tweak) {
        String tokenKey = first.config.tokenKey().value();
        return new TestServer(own, true, first.masterKey, tokenKey, c -> tweak.apply(c.withTrading(c.trading().withNode("second"))));
    }

    /** Registers a user and signs them in. */
    Session signUp(String email) {
        String password = "Pass-word-" + email.hashCode();
        ApiClient.Response registered = anonymous.post("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"fullName\":\"Test " + email + "\"}");
        if (registered.status() != 201) {
            throw new AssertionError("register " + email + ": " + registered);
        }
        return signIn(email, password);
    }

    /** Signs in an existing user. */
    Session signIn(String email, String password) {
        ApiClient.Response login = anonymous.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (login.status() != 200) {
            throw new AssertionError("login " + email + ": " + login);
        }
        return new Session(login.text("userId"), login.text("accessToken"), login.text("refreshToken"), password,
                anonymous.bearer(login.text("accessToken")));
    }

    Session admin() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A signed-in user. Immutable. */
    record Session(String userId, String accessToken, String refreshToken, String password, ApiClient client) {
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }
}
