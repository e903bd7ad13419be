package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradebook.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a user removes everything of theirs (seed 001's cascade): accounts with their orders,
 * fills, journal, holdings and round trips, keys, rules, notifications; a working order stops
 * working first; another user's books stay whole. A refusal (wrong password, the last
 * administrator) deletes nothing.
 */
abstract class UserDeletionContract {
    /** Tables with an account_id column whose rows belong to the deleted user's accounts. */
    private static final List<String> ACCOUNT_TABLES = List.of("orders", "fills", "journal_entries", "journal_postings", "holdings",
            "round_trips", "strategy_activations", "risk_rules");

    private TestServer s;
    private TestServer.Session ada;
    private TestServer.Session bob;
    private TestServer.Session admin;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        admin = s.admin();
        ada = s.signUp("ada@example.com");
        bob = s.signUp("bob@example.com");
        assertThat(admin.client().post("/api/securities", "{\"ticker\":\"MSFT\",\"name\":\"Microsoft\",\"securityType\":\"EQUITY\"}")
                .status()).isEqualTo(201);
        assertThat(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"400\"}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void deletingOneselfRemovesEverythingOfOnesAndNothingOfOthers() {
        String adaAccount = tradedAccount(ada);
        String bobAccount = tradedAccount(bob);
        ApiClient.Response working = ada.client().post("/api/accounts/" + adaAccount + "/orders",
                "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"350\"}");
        assertThat(working.text("status")).isEqualTo("PLACED");
        assertThat(ada.client().post("/api/accounts/" + adaAccount + "/risk-rules", "{\"type\":\"MAX_ORDERS_PER_DAY\",\"value\":\"50\"}")
                .status()).isEqualTo(201);
        assertThat(rows(adaAccount, "fills")).isPositive();

        ApiClient.Response wrong = ada.client().post("/api/me/deletion", "{\"password\":\"not-it\"}");
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
        assertThat(wrong.body()).contains("password");
        assertThat(ada.client().get("/api/accounts/" + adaAccount).status()).as("nothing deleted").isEqualTo(200);

        ApiClient.Response deleted = ada.client().post("/api/me/deletion", "{\"password\":\"" + ada.password() + "\"}");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(ada.client().get("/api/me").status()).as("the token no longer counts").isEqualTo(401);
        assertThat(s.anonymous.post("/api/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"" + ada.password() + "\"}").status())
                .isEqualTo(401);
        for (String table : ACCOUNT_TABLES) {
            assertThat(rows(adaAccount, table)).as(table + " of the deleted user's account").isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = '" + ada.userId() + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE id = '" + adaAccount + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM notifications WHERE user_id = '" + ada.userId() + "'")).isZero();

        // a price through the deleted user's limit fills nothing of theirs, and bob's books are whole
        assertThat(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"340\"}").status()).isEqualTo(200);
        assertThat(rows(bobAccount, "fills")).isEqualTo(1);
        ApiClient.Response verified = bob.client().get("/api/accounts/" + bobAccount + "/verification");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("differences")).isEmpty();
        assertThat(rows(adaAccount, "fills")).isZero();
    }

    @Test
    void anAdministratorDeletesAUserButNeverTheLastAdministrator() {
        String bobAccount = tradedAccount(bob);
        assertThat(bob.client().delete("/api/admin/users/" + ada.userId()).status()).as("not an administrator").isEqualTo(403);
        ApiClient.Response last = admin.client().delete("/api/admin/users/" + admin.userId());
        assertThat(last.status()).as(last.body()).isEqualTo(409);
        assertThat(admin.client().get("/api/me").status()).as("the administrator is still there").isEqualTo(200);

        assertThat(admin.client().delete("/api/admin/users/" + bob.userId()).status()).isEqualTo(204);
        assertThat(admin.client().delete("/api/admin/users/" + bob.userId()).status()).as("already gone").isEqualTo(404);
        assertThat(rows(bobAccount, "orders")).isZero();
        assertThat(admin.client().get("/api/admin/system-log?limit=50").body()).contains("user deleted by an administrator");
        assertThat(ada.client().get("/api/me").status()).as("others are untouched").isEqualTo(200);
    }

    /** A CASH account for {@code who} with one filled order (a fill, journal entries, a holding) and one working limit order at 100. */
    private String tradedAccount(TestServer.Session who) {
        ApiClient.Response account = who.client().post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"10000\"}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String id = account.text("id");
        ApiClient.Response order = who.client().post("/api/accounts/" + id + "/orders",
                "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"2\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(id, "fills") == 1);
        assertThat(who.client().post("/api/accounts/" + id + "/orders",
                "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"100\"}").status())
                .as("a resting limit order").isEqualTo(201);
        return id;
    }

    private long rows(String account, String table) {
        return count("SELECT COUNT(*) FROM " + table + " WHERE account_id = '" + UUID.fromString(account) + "'");
    }

    private long count(String sql) {
        return s.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
