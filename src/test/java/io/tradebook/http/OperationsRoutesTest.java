package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.live.LiveSettings;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrators' retention and backup routes on a running server. */
class OperationsRoutesTest {
    @TempDir
    Path dir;

    @Test
    void administratorsSeeChangeAndRunRetentionButNeverForTheBooks() {
        try (TestServer s = new TestServer(TestDatabases.h2())) {
            TestServer.Session admin = s.admin();
            TestServer.Session user = s.signUp("user@example.com");
            assertThat(user.client().get("/api/admin/retention").status()).isEqualTo(403);
            JsonNode list = admin.client().get("/api/admin/retention").json();
            assertThat(list.get("policies").toString()).contains("unread_notifications", "order_history");
            JsonNode books = null;
            for (JsonNode p : list.get("policies")) {
                if (p.get("dataClass").asText().equals("order_history")) {
                    books = p;
                }
            }
            assertThat(books).isNotNull();
            assertThat(books.get("changeable").asBoolean()).isFalse();
            assertThat(books.get("action").asText()).contains("never touched", "books");

            ApiClient.Response refused = admin.client().patch("/api/admin/retention/order_history", "{\"retentionDays\":30}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("retentionDays", "kept forever");
            assertThat(admin.client().patch("/api/admin/retention/nothing", "{\"enabled\":true}").status()).isEqualTo(404);
            assertThat(admin.client().patch("/api/admin/retention/unread_notifications", "{\"retentionDays\":0}").status()).isEqualTo(422);
            ApiClient.Response changed = admin.client().patch("/api/admin/retention/unread_notifications", "{\"retentionDays\":10}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("retentionDays").asInt()).isEqualTo(10);

            UUID owner = UUID.fromString(user.userId());
            OffsetDateTime serverNow = OffsetDateTime.ofInstant(s.clock.instant(), ZoneOffset.UTC);
            s.database.jdbi().useHandle(h -> {
                h.execute("INSERT INTO notifications (user_id, notification_type, title, message, created_at) VALUES (?, 'ORDER_FILLED', "
                        + "'old', 'old', ?)", owner, serverNow.minusDays(11));
                h.execute("INSERT INTO notifications (user_id, notification_type, title, message, created_at) VALUES (?, 'ORDER_FILLED', "
                        + "'new', 'new', ?)", owner, serverNow.minusDays(9));
            });
            ApiClient.Response run = admin.client().post("/api/admin/retention/run", null);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().get("deleted").asInt()).isEqualTo(1);
            int left = s.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notifications WHERE user_id = :u")
                    .bind("u", owner).mapTo(Integer.class).one());
            assertThat(left).isEqualTo(1);
            assertThat(admin.client().get("/api/admin/retention").json().at("/lastRun/deleted").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anAdministratorBacksTheEmbeddedDatabaseUpWhileItServes() throws Exception {
        Database database = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db/tradebook"), "sa", ""));
        database.migrate();
        Path backups = dir.resolve("backups");
        Path file;
        try (TestServer s = new TestServer(database, c -> c.withLive(c.live().withBackupDir(backups)))) {
            s.signUp("before@example.com");
            assertThat(s.signUp("someone@example.com").client().post("/api/admin/backup", null).status()).isEqualTo(403);
            ApiClient.Response made = s.admin().client().post("/api/admin/backup", null);
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            file = Path.of(made.text("file"));
            assertThat(file.getParent()).isEqualTo(backups);
            assertThat(Files.size(file)).isEqualTo(made.json().get("bytes").asLong()).isPositive();
            s.signUp("after@example.com");
        }
        String restored = "jdbc:h2:file:" + dir.resolve("restored/tradebook");
        assertThat(io.tradebook.cli.TradebookCommand.execute(new String[] {"restore", "--db-url", restored, "--from", file.toString()},
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()))).isZero();
        try (Database back = Database.open(new DatabaseConfig(restored, "sa", ""))) {
            var emails = back.jdbi().withHandle(h -> h.createQuery("SELECT email FROM users").mapTo(String.class).list());
            assertThat(emails).contains("before@example.com").doesNotContain("after@example.com");
        }
    }

    @Test
    void anInMemoryOrUnconfiguredServerSaysWhyItCannotBackUp() {
        try (TestServer s = new TestServer(TestDatabases.h2(), c -> c.withLive(LiveSettings.DEFAULT.withBackupDir(dir)))) {
            ApiClient.Response memory = s.admin().client().post("/api/admin/backup", null);
            assertThat(memory.status()).isEqualTo(409);
            assertThat(memory.body()).contains("in-memory");
        }
        try (TestServer s = new TestServer(TestDatabases.h2())) {
            ApiClient.Response none = s.admin().client().post("/api/admin/backup", null);
            assertThat(none.status()).isEqualTo(409);
            assertThat(none.body()).contains("TRADEBOOK_BACKUP_DIR");
        }
    }
}
