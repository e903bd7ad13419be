package io.tradebook.store;

import java.util.Map;
import java.util.Objects;

/**
 * Where Tradebook's database is and how to log in to it. Immutable.
 *
 * <p>{@link #toString()} never shows the password. The URL is taken as given; {@link Database}
 * adds the dialect's required options when it opens it.
 *
 * @param url      JDBC URL of an H2 or PostgreSQL database; never blank
 * @param user     user name, empty for the driver's default
 * @param password password, empty for none
 */
public record DatabaseConfig(String url, String user, String password) {

    /** Environment variable holding the JDBC URL. */
    public static final String URL_VARIABLE = "TRADEBOOK_DB_URL";
    /** Environment variable holding the user name. */
    public static final String USER_VARIABLE = "TRADEBOOK_DB_USER";
    /** Environment variable holding the password. */
    public static final String PASSWORD_VARIABLE = "TRADEBOOK_DB_PASSWORD";

    /** The embedded default: an H2 file under {@code ./data}, so a fresh machine needs no server. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/tradebook;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

    /** Validates the URL and turns a missing user or password into an empty one. */
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("Database URL is blank");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** Reads {@code TRADEBOOK_DB_URL}, {@code TRADEBOOK_DB_USER} and {@code TRADEBOOK_DB_PASSWORD}. */
    public static DatabaseConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads the three variables from the given map; a missing or blank URL means the embedded H2
     * default, whose user defaults to {@code sa}.
     */
    public static DatabaseConfig fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = DEFAULT_URL;
        }
        String user = environment.get(USER_VARIABLE);
        if ((user == null || user.isBlank()) && Dialect.of(url) == Dialect.H2) {
            user = "sa";
        }
        return new DatabaseConfig(url, user, environment.get(PASSWORD_VARIABLE));
    }

    /** Shows the URL and user; the password only as whether one is set. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password="
                + (password.isEmpty() ? "<none>" : "<set>") + "]";
    }
}
