package io.tradebook.cli;

import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import picocli.CommandLine.Option;

/**
 * The database options shared by commands that use the configured database: by default the
 * environment ({@code TRADEBOOK_DB_URL}, {@code TRADEBOOK_DB_USER}, {@code TRADEBOOK_DB_PASSWORD}),
 * else the embedded H2 file under {@code ./data}.
 */
final class DatabaseOptions {
    @Option(names = "--db-url", description = "JDBC URL (default: $TRADEBOOK_DB_URL, else the H2 file ./data/tradebook).")
    String url;

    @Option(names = "--db-user", description = "Database user (default: $TRADEBOOK_DB_USER).")
    String user;

    @Option(names = "--db-password", description = "Database password (default: $TRADEBOOK_DB_PASSWORD).", arity = "0..1", interactive = false)
    String password;

    /** The configured database: the options, else the environment, else the embedded default. */
    DatabaseConfig config() {
        DatabaseConfig env = DatabaseConfig.fromEnvironment();
        return new DatabaseConfig(url != null ? url : env.url(), user != null ? user : env.user(), password != null ? password : env.password());
    }

    /** Opens the configured database as it is, without touching its schema. */
    Database openAsIs() {
        DatabaseConfig config = config();
        try {
            return Database.open(config);
        } catch (RuntimeException e) {
            throw new UserInputException("cannot open the database " + config + ": " + rootMessage(e)
                    + (rootMessage(e) != null && rootMessage(e).contains("already in use")
                    ? " (a running server has it open: stop it, or use the server's POST /api/admin/backup)" : ""), e);
        }
    }

    /** Opens the configured database and brings its schema up to date. */
    Database openMigrated() {
        DatabaseConfig config = config();
        Database database = openAsIs();
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw new UserInputException("cannot migrate the database " + config + ": " + rootMessage(e), e);
        }
        return database;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
