package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention job on each database: deletes what is past each policy, in batches, archives it, logs it, and never touches the books. */
abstract class RetentionContract extends DatabaseContract {
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private static OffsetDateTime ago(int days) {
        return OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }

    private long count(String table) {
        return fixture().count("SELECT COUNT(*) FROM " + table);
    }

    @Test
    void theJobDeletesWhatIsPastEachPolicyInBatchesArchivesItAndLeavesTheBooksAlone(@TempDir Path archive) throws Exception {
        fixture().update("UPDATE retention_policies SET is_enabled = TRUE");
        fixture().update("UPDATE retention_policies SET retention_days = NULL WHERE data_class IN "
                + "('user_profiles', 'position_history', 'strategy_configs')");
        fixture().update("UPDATE retention_policies SET retention_days = 1 WHERE data_class = 'order_history'"); // a hand edit: ignored
        SchemaFixture f = fixture();
        UUID user = f.user();
        long oldNote = (Long) f.insertValid("notifications", Map.of("user_id", user, "created_at", ago(31)));
        long newNote = (Long) f.insertValid("notifications", Map.of("user_id", user, "created_at", ago(1)));
        UUID expired = (UUID) f.insertValid("user_sessions", Map.of("user_id", user, "expires_at", ago(8)));
        UUID revoked = (UUID) f.insertValid("user_sessions", Map.of("user_id", user, "expires_at", ago(-20), "revoked_at", ago(9)));
        UUID live = (UUID) f.insertValid("user_sessions", Map.of("user_id", user, "expires_at", ago(-1)));
        UUID justEnded = (UUID) f.insertValid("user_sessions", Map.of("user_id", user, "expires_at", ago(2)));
        f.update("INSERT INTO stream_tickets (ticket_hash, user_id, session_id, expires_at) VALUES ('old', ?, ?, ?)", user, live, ago(8));
        UUID staleQuote = f.security();
        f.insertValid("market_quotes", Map.of("security_id", staleQuote, "updated_at", ago(31)));
        UUID freshQuote = f.security();
        f.insertValid("market_quotes", Map.of("security_id", freshQuote, "updated_at", ago(2)));
        SchemaFixture.Owner owner = f.owner(user);
        UUID oldSession = (UUID) f.insertValid("trading_sessions", Map.of("account_id", owner.accountId(), "user_id", user,
                "status", "COMPLETED", "started_at", ago(500), "ended_at", ago(400)));
        UUID recentSession = (UUID) f.insertValid("trading_sessions", Map.of("account_id", owner.accountId(), "user_id", user,
                "status", "COMPLETED", "started_at", ago(20), "ended_at", ago(10)));
        UUID runningSession = (UUID) f.insertValid("trading_sessions", Map.of("account_id", owner.accountId(), "user_id", user,
                "status", "ACTIVE", "started_at", ago(900)));
        UUID retiredRule = (UUID) f.insertValid("risk_rules", Map.of("account_id", owner.accountId(), "user_id", user,
                "is_active", false, "updated_at", ago(400)));
        UUID activeRule = (UUID) f.insertValid("risk_rules", Map.of("account_id", owner.accountId(), "user_id", user,
                "updated_at", ago(900)));
        long oldEvent = (Long) f.insertValid("risk_events", Map.of("rule_id", activeRule, "account_id", owner.accountId(), "occurred_at", ago(400)));
        long newEvent = (Long) f.insertValid("risk_events", Map.of("rule_id", activeRule, "account_id", owner.accountId(), "occurred_at", ago(3)));
        // The books: old orders, fills and journal entries, and a real account's books that must still verify.
        f.insertValid("orders", Map.of("created_at", ago(3000)));
        f.fill(owner.accountId(), f.activation(owner.accountId()));
        AccountRepository accounts = new AccountRepository(jdbi());
        AccountRepository.Account books = accounts.openAccount(user, "retention-books", "paper", "RB-" + UUID.randomUUID(), "CASH", "USD");
        JdbiBookKeeper keeper = new JdbiBookKeeper(jdbi());
        keeper.deposit(books.id().toString(), Money.of("10000", Currency.USD), NOW.minus(Duration.ofDays(4000)), "old-deposit");
        Map<String, Long> before = Map.of("orders", count("orders"), "fills", count("fills"), "journal_entries", count("journal_entries"),
                "journal_postings", count("journal_postings"), "users", count("users"), "accounts", count("accounts"));
        long systemLogs = count("system_logs");

        List<String> audit = new CopyOnWriteArrayList<>();
        AuditTrail trail = (level, component, message, userId, details) -> {
            audit.add(level + " " + component + " " + message + " " + details);
            new JdbiAuditTrail(jdbi(), Clock.fixed(NOW, ZoneOffset.UTC)).record(level, component, message, userId, details);
        };
        Instant[] realtimeCutoff = new Instant[1];
        Retention.Report report = new Retention(jdbi(), trail, Clock.fixed(NOW, ZoneOffset.UTC)).run(1, cutoff -> {
            realtimeCutoff[0] = cutoff;
            return 5;
        }, archive);

        assertThat(exists("notifications", "id", oldNote)).isFalse();
        assertThat(exists("notifications", "id", newNote)).isTrue();
        assertThat(exists("user_sessions", "id", expired)).isFalse();
        assertThat(exists("user_sessions", "id", revoked)).isFalse();
        assertThat(exists("user_sessions", "id", live)).isTrue();
        assertThat(exists("user_sessions", "id", justEnded)).as("kept 7 days after it ended").isTrue();
        assertThat(exists("stream_tickets", "ticket_hash", "old")).isFalse();
        assertThat(exists("market_quotes", "security_id", staleQuote)).isFalse();
        assertThat(exists("market_quotes", "security_id", freshQuote)).isTrue();
        assertThat(exists("securities", "id", staleQuote)).as("the security master is kept").isTrue();
        assertThat(exists("trading_sessions", "id", oldSession)).isFalse();
        assertThat(exists("trading_sessions", "id", recentSession)).isTrue();
        assertThat(exists("trading_sessions", "id", runningSession)).as("a running session is never retired").isTrue();
        assertThat(exists("risk_rules", "id", retiredRule)).isFalse();
        assertThat(exists("risk_rules", "id", activeRule)).as("an active rule is kept however old").isTrue();
        assertThat(exists("risk_events", "id", oldEvent)).isFalse();
        assertThat(exists("risk_events", "id", newEvent)).isTrue();
        assertThat(Map.of("orders", count("orders"), "fills", count("fills"), "journal_entries", count("journal_entries"),
                "journal_postings", count("journal_postings"), "users", count("users"), "accounts", count("accounts")))
                .as("the books and the people are untouched").isEqualTo(before);
        assertThat(keeper.verify(books.id().toString())).as("the books still verify").isEmpty();
        assertThat(realtimeCutoff[0]).isEqualTo(NOW.minus(Duration.ofDays(7)));

        Map<String, Retention.ClassResult> byClass = new java.util.HashMap<>();
        report.classes().forEach(r -> byClass.put(r.dataClass(), r));
        assertThat(byClass.get("order_history").note()).contains("kept forever").contains("books");
        assertThat(byClass.get("order_history").total()).isZero();
        assertThat(byClass.get("unread_notifications").deleted()).containsEntry("notifications", 1);
        assertThat(byClass.get("active_user_sessions").deleted()).containsEntry("user_sessions", 2).containsEntry("stream_tickets", 1);
        assertThat(byClass.get("risk_rules").deleted()).containsEntry("risk_events", 1).containsEntry("risk_rules", 1);
        assertThat(byClass.get("realtime_order_status").deleted()).containsEntry("stream buffers", 5);
        int databaseRows = report.total() - 5;
        assertThat(databaseRows).isEqualTo(8);
        assertThat(count("system_logs")).isEqualTo(systemLogs + 1);
        assertThat(audit).singleElement().asString().startsWith("INFO retention retention run deleted 13 rows");

        assertThat(report.archive()).isNotNull();
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(report.archive())),
                StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        assertThat(lines).hasSize(databaseRows);
        assertThat(lines).anyMatch(l -> l.contains("\"table\":\"notifications\"") && l.contains("\"id\":" + oldNote)
                && l.contains("Bought 2 AAPL"));
        assertThat(lines).anyMatch(l -> l.contains("\"table\":\"risk_events\"") && l.contains("\"rule_value\":\"1"));

        Retention.Report again = new Retention(jdbi(), AuditTrail.NONE, Clock.fixed(NOW, ZoneOffset.UTC)).run(1000, null, archive);
        assertThat(again.total()).as("a second run finds nothing").isZero();
        assertThat(again.archive()).as("and writes no archive").isNull();
    }

    @Test
    void policiesCanBeChangedExceptTheBooksWhichAreKeptForever() {
        RetentionPolicies policies = new RetentionPolicies(jdbi());
        assertThat(policies.list()).extracting(RetentionPolicies.Policy::dataClass).contains("unread_notifications", "order_history");
        assertThat(policies.update("unread_notifications", true, 90, false, NOW)).get()
                .satisfies(p -> {
                    assertThat(p.retentionDays()).isEqualTo(90);
                    assertThat(p.enabled()).isFalse();
                });
        assertThat(policies.update("unread_notifications", false, null, true, NOW).orElseThrow().retentionDays()).isEqualTo(90);
        assertThat(policies.update("unread_notifications", true, null, null, NOW).orElseThrow().retentionDays()).as("forever").isNull();
        policies.update("unread_notifications", true, 30, true, NOW);
        assertThatThrownBy(() -> policies.update("order_history", true, 30, null, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("books");
        assertThatThrownBy(() -> policies.update("unread_notifications", true, 0, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(policies.update("no_such_class", true, 3, null, NOW)).isEmpty();
        assertThat(RetentionTarget.describe("position_history")).startsWith("never touched");
        assertThat(RetentionTarget.describe("unread_notifications")).contains("notifications where created_at < now - period");
    }

    private boolean exists(String table, String key, Object value) {
        return fixture().count("SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?", value) == 1;
    }
}
