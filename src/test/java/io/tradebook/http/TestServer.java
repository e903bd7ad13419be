package io.tradebook.http;

import io.tradebook.security.CredentialCipher;
import io.tradebook.security.SecretSource;
import io.tradebook.security.SecretTokens;
import io.tradebook.security.SecuritySettings;
import io.tradebook.store.Database;
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
    final TradebookServer server;
    final ApiClient anonymous;
    final String masterKey = CredentialCipher.newKeyset();

    TestServer(Database database, UnaryOperator<ServerConfig> tweak, RouteModule... modules) {
        this.database = database;
        ServerConfig config = new ServerConfig("127.0.0.1", 0, SecretSource.of(masterKey), SecretSource.of(SecretTokens.newKey(32)),
                SecuritySettings.DEFAULT.withBcryptCost(4), ADMIN_EMAIL, ADMIN_PASSWORD, sms, clock, List.of(modules));
        try {
            this.server = TradebookServer.start(tweak.apply(config), database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        this.anonymous = new ApiClient(server.uri());
    }

    TestServer(Database database, RouteModule... modules) {
        this(database, c -> c, modules);
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
            database.close();
        }
    }
}
