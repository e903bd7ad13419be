package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link Dialect} and {@link DatabaseConfig} read and complete JDBC URLs. */
class DatabaseUrlTest {

    @Test
    void h2UrlsGetTheModeOptionsTheyLack() {
        assertThat(Dialect.H2.prepareUrl("jdbc:h2:mem:x"))
                .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(Dialect.H2.prepareUrl("jdbc:h2:mem:x;mode=postgresql;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:mem:x;mode=postgresql;AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(Dialect.H2.prepareUrl(DatabaseConfig.DEFAULT_URL)).isEqualTo(DatabaseConfig.DEFAULT_URL);
    }

    @Test
    void anH2UrlContradictingTheModeIsRefused() {
        assertThatThrownBy(() -> Dialect.H2.prepareUrl("jdbc:h2:mem:x;MODE=MySQL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODE=PostgreSQL");
        assertThatThrownBy(() -> Dialect.H2.prepareUrl("jdbc:h2:mem:x;DATABASE_TO_LOWER=FALSE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void postgresUrlsSendStringsUntyped() {
        assertThat(Dialect.POSTGRESQL.prepareUrl("jdbc:postgresql://h/db"))
                .isEqualTo("jdbc:postgresql://h/db?stringtype=unspecified");
        assertThat(Dialect.POSTGRESQL.prepareUrl("jdbc:postgresql://h/db?currentSchema=s"))
                .isEqualTo("jdbc:postgresql://h/db?currentSchema=s&stringtype=unspecified");
        assertThat(Dialect.POSTGRESQL.prepareUrl("jdbc:postgresql://h/db?stringtype=unspecified"))
                .isEqualTo("jdbc:postgresql://h/db?stringtype=unspecified");
        assertThatThrownBy(() -> Dialect.POSTGRESQL.prepareUrl("jdbc:postgresql://h/db?stringtype=varchar"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stringtype=unspecified");
    }

    @Test
    void onlyH2AndPostgresqlAreSupported() {
        assertThat(Dialect.of("jdbc:h2:file:./data/x")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("jdbc:postgresql://localhost/x")).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://localhost/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Dialect.H2.placeholders()).containsEntry("uuid_default", "RANDOM_UUID()").containsEntry("json", "VARCHAR");
        assertThat(Dialect.POSTGRESQL.placeholders()).containsEntry("uuid_default", "gen_random_uuid()")
                .containsEntry("json", "JSONB");
    }

    @Test
    void theEnvironmentNamesTheDatabaseAndDefaultsToTheH2File() {
        DatabaseConfig fallback = DatabaseConfig.fromEnvironment(Map.of());
        assertThat(fallback.url()).isEqualTo(DatabaseConfig.DEFAULT_URL);
        assertThat(fallback.user()).isEqualTo("sa");
        DatabaseConfig named = DatabaseConfig.fromEnvironment(Map.of("TRADEBOOK_DB_URL", "jdbc:postgresql://db/tb",
                "TRADEBOOK_DB_USER", "tb", "TRADEBOOK_DB_PASSWORD", "s3cret"));
        assertThat(named).isEqualTo(new DatabaseConfig("jdbc:postgresql://db/tb", "tb", "s3cret"));
        assertThat(named.toString()).doesNotContain("s3cret").contains("<set>");
        assertThatThrownBy(() -> new DatabaseConfig(" ", "u", "p")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingCompletesTheUrlAndClosingRunsTheCloseActions() {
        Database database = Database.open(new DatabaseConfig("jdbc:h2:mem:url_test", "sa", ""));
        boolean[] ran = {false};
        database.onClose(() -> ran[0] = true);
        assertThat(database.dialect()).isEqualTo(Dialect.H2);
        assertThat(database.config().url()).contains("MODE=PostgreSQL");
        Integer one = database.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        assertThat(one).isEqualTo(1);
        database.close();
        database.close();
        assertThat(ran[0]).isTrue();
    }
}
