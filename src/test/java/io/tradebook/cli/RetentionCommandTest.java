package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradebook retention list} and {@code run} on an H2 file. */
class RetentionCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowsThePoliciesAndRunDeletesWhatIsPastThemAsJson() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/tradebook");
        try (Database db = Database.open(new DatabaseConfig(url, "sa", ""))) {
            db.migrate();
            OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(45);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO notifications (notification_type, title, message, created_at) "
                    + "VALUES ('SYSTEM_ERROR', 'old', 'old', ?)", old));
        }
        CliRun list = CliRun.of("retention", "list", "--db-url", url);
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode policies = new ObjectMapper().readTree(list.out());
        assertThat(policies.toString()).contains("\"dataClass\":\"order_history\"", "never touched");

        CliRun run = CliRun.of("retention", "run", "--db-url", url, "--batch-size", "10", "--archive-dir", dir.resolve("archive").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("deleted").asInt()).isEqualTo(1);
        assertThat(report.get("archive").asText()).contains("retention-");

        CliRun bad = CliRun.of("retention", "run", "--db-url", url, "--batch-size", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--batch-size");
    }
}
