package io.tradebook.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL dialects Tradebook runs on, and what differs between them.
 *
 * <p>One set of Flyway migrations serves both; where the SQL must differ the migrations use a
 * placeholder ({@code ${uuid_default}}, {@code ${json}}) that each dialect fills in. Each dialect
 * also knows the connection options the migrations and the store code rely on, and adds them to a
 * JDBC URL that lacks them. A URL that sets one of those options to another value is refused,
 * because the schema would then silently behave differently.
 */
public enum Dialect {

    /**
     * H2 2.x in PostgreSQL compatibility mode: the embedded default and the fast test database.
     * JSON columns are plain {@code VARCHAR}: H2's own JSON type would store a bound Java string as
     * a JSON string literal instead of parsing it.
     */
    H2("RANDOM_UUID()", "VARCHAR"),

    /**
     * PostgreSQL 15 or later. The driver sends strings untyped ({@code stringtype=unspecified}) so
     * that a JSON document bound as a plain string lands in a {@code JSONB} column.
     */
    POSTGRESQL("gen_random_uuid()", "JSONB");

    private static final Map<String, String> H2_OPTIONS = Map.of(
            "MODE", "PostgreSQL",
            "DATABASE_TO_LOWER", "TRUE",
            "DEFAULT_NULL_ORDERING", "HIGH");

    private final String uuidDefault;
    private final String jsonType;

    Dialect(String uuidDefault, String jsonType) {
        this.uuidDefault = uuidDefault;
        this.jsonType = jsonType;
    }

    /**
     * The dialect a JDBC URL points at.
     *
     * @throws IllegalArgumentException if the URL is neither H2 nor PostgreSQL
     */
    public static Dialect of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "Unsupported database URL (Tradebook runs on H2 or PostgreSQL): " + jdbcUrl);
    }

    /** The Flyway placeholder values the migrations are written against. */
    public Map<String, String> placeholders() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("uuid_default", uuidDefault);
        placeholders.put("json", jsonType);
        return Map.copyOf(placeholders);
    }

    /**
     * The URL with this dialect's required options added where missing.
     *
     * @throws IllegalArgumentException if the URL sets a required option to another value
     */
    public String prepareUrl(String jdbcUrl) {
        return this == H2 ? prepareH2(jdbcUrl) : preparePostgres(jdbcUrl);
    }

    private static String prepareH2(String url) {
        String[] parts = url.split(";");
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                present.put(parts[i].substring(0, eq).trim().toUpperCase(Locale.ROOT), parts[i].substring(eq + 1).trim());
            }
        }
        StringBuilder result = new StringBuilder(url);
        for (String option : new String[] {"MODE", "DATABASE_TO_LOWER", "DEFAULT_NULL_ORDERING"}) {
            String required = H2_OPTIONS.get(option);
            String actual = present.get(option);
            if (actual == null) {
                result.append(';').append(option).append('=').append(required);
            } else if (!actual.equalsIgnoreCase(required)) {
                throw new IllegalArgumentException("H2 URL sets " + option + "=" + actual
                        + " but Tradebook's schema needs " + option + "=" + required + ": " + url);
            }
        }
        return result.toString();
    }

    private static String preparePostgres(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                int eq = parameter.indexOf('=');
                String name = eq < 0 ? parameter : parameter.substring(0, eq);
                if (name.equalsIgnoreCase("stringtype")) {
                    String value = eq < 0 ? "" : parameter.substring(eq + 1);
                    if (!value.equalsIgnoreCase("unspecified")) {
                        throw new IllegalArgumentException("PostgreSQL URL sets stringtype=" + value
                                + " but JSON columns need stringtype=unspecified: " + url);
                    }
                    return url;
                }
            }
        }
        return url + (query < 0 ? '?' : '&') + "stringtype=unspecified";
    }
}
