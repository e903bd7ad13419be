package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.security.BrokerCredentials;
import io.tradebook.store.BrokerConnectionRepository;
import io.tradebook.store.Database;
import io.tradebook.store.Owned;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broker connections: credentials encrypted and never shown or logged; can_read/can_trade enforced; soft deletes. */
abstract class BrokerConnectionsContract {
    private static final String KEY = "AKIA-live-key-7f3a9c";
    private static final String SECRET = "wJalrXUtnFEMI-secret-42";
    private static final String TOKEN = "access-token-b64-Zm9vYmFy";
    private static final String PATH = "/api/broker-connections";
    private TestServer s;
    private TestServer.Session ada;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase(), new ProbeRoutes());
        ada = s.signUp("ada@example.com");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void paperConnectsAtOnceAndOtherBrokersAreStoredButNotConnected() {
        ApiClient.Response paper = ada.client().post(PATH, "{\"broker\":\"paper\",\"canTrade\":true}");
        assertThat(paper.status()).as(paper.body()).isEqualTo(201);
        assertThat(paper.text("status")).isEqualTo("CONNECTED");
        assertThat(paper.text("accountNumber")).startsWith("PAPER-");
        assertThat(paper.json().get("canTrade").asBoolean()).isTrue();
        ApiClient.Response alpaca = ada.client().post(PATH, "{\"broker\":\"alpaca\",\"accountNumber\":\"PA-1\"}");
        assertThat(alpaca.text("status")).isEqualTo("NOT_CONNECTED");
        assertThat(alpaca.text("statusMessage")).contains("no adapter");
        assertThat(alpaca.json().get("canRead").asBoolean()).isTrue();
        assertThat(alpaca.json().get("canTrade").asBoolean()).as("trading is switched on explicitly").isFalse();
        assertThat(ada.client().get(PATH).json().get("connections")).hasSize(2);

        ApiClient.Response unknown = ada.client().post(PATH, "{\"broker\":\"robinhood\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(AuthContract.fields(unknown)).containsExactlyInAnyOrder("broker", "accountNumber");
        assertThat(ada.client().post(PATH, "{\"broker\":\"alpaca\"}").status()).as("an account number is needed").isEqualTo(422);
        assertThat(ada.client().post(PATH, "{\"broker\":\"alpaca\",\"accountNumber\":\"PA-1\"}").status()).isEqualTo(409);
    }

    @Test
    void credentialsAreEncryptedAtRestAndNeverReturnedOrLogged() {
        StringBuilder responses = new StringBuilder();
        String id;
        String logs;
        try (CapturedLogs captured = new CapturedLogs()) {
            ApiClient.Response created = ada.client().post(PATH, "{\"broker\":\"tradelocker\",\"accountNumber\":\"TL-9\",\"server\":\"live-1\","
                    + "\"apiKey\":\"" + KEY + "\",\"apiSecret\":\"" + SECRET + "\",\"accessToken\":\"" + TOKEN + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.text("id");
            assertThat(created.json().at("/credentials/apiKey").asBoolean()).isTrue();
            responses.append(created.body()).append(ada.client().get(PATH).body()).append(ada.client().get(PATH + "/" + id).body());
            responses.append(ada.client().patch(PATH + "/" + id, "{\"apiSecret\":\"" + SECRET + "-rotated\"}").body());
            responses.append(ada.client().post(PATH, "{\"broker\":\"tradelocker\",\"accountNumber\":\"TL-9\",\"apiKey\":\"" + KEY + "\"}").body());
            responses.append(ada.client().post(PATH, "{\"broker\":\"tradelocker\",\"accountNumber\":\"" + "x".repeat(300)
                    + "\",\"apiKey\":\"" + KEY + "\"}").body());
            responses.append(ada.client().post(PATH, "{\"broker\":\"tradelocker\",\"apiKey\":\"" + KEY + "\",\"apiSecret\":").body());
            logs = captured.text();
        }
        String audit = s.database.jdbi().withHandle(h -> h.createQuery("SELECT message || ' ' || COALESCE(CAST(details AS VARCHAR(4000)), '') "
                + "FROM system_logs").mapTo(String.class).list()).toString();
        for (String secret : List.of(KEY, SECRET, TOKEN)) {
            assertThat(responses.toString()).doesNotContain(secret);
            assertThat(logs).doesNotContain(secret);
            assertThat(audit).doesNotContain(secret);
        }
        assertThat(audit).contains("broker connection created", "broker connection changed");

        BrokerConnectionRepository.ConnectionRow row = new BrokerConnectionRepository(s.database.jdbi())
                .find(UUID.fromString(ada.userId()), UUID.fromString(id)).orElseThrow();
        assertThat(row.credentials().apiKey()).isNotBlank().doesNotContain(KEY);
        assertThat(row.credentials().toString()).doesNotContain(row.credentials().apiKey());
        BrokerCredentials plain = s.server.context().brokerConnections().credentials(row);
        assertThat(plain).isEqualTo(new BrokerCredentials(KEY, SECRET + "-rotated", TOKEN));
        assertThat(plain.toString()).doesNotContain(KEY);
    }

    @Test
    void aPatchKeepsWhatIsAbsentClearsWhatIsNullAndRefusesNullFlags() {
        String id = ada.client().post(PATH, "{\"broker\":\"ibkr\",\"accountNumber\":\"U1\",\"server\":\"gw\",\"apiKey\":\"k\","
                + "\"apiSecret\":\"s\"}").text("id");
        ApiClient.Response changed = ada.client().patch(PATH + "/" + id, "{\"apiKey\":null,\"canTrade\":true}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().at("/credentials/apiKey").asBoolean()).isFalse();
        assertThat(changed.json().at("/credentials/apiSecret").asBoolean()).isTrue();
        assertThat(changed.text("server")).isEqualTo("gw");
        assertThat(changed.json().get("canTrade").asBoolean()).isTrue();
        ApiClient.Response bad = ada.client().patch(PATH + "/" + id, "{\"canRead\":null,\"broker\":\"paper\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(AuthContract.fields(bad)).containsExactly("broker");
        ApiClient.Response nullFlag = ada.client().patch(PATH + "/" + id, "{\"canRead\":null}");
        assertThat(nullFlag.status()).isEqualTo(422);
        assertThat(AuthContract.fields(nullFlag)).containsExactly("canRead");
    }

    @Test
    void deletingDeactivatesWipesCredentialsAndAddingTheAccountAgainRestoresIt() {
        String id = ada.client().post(PATH, "{\"broker\":\"alpaca\",\"accountNumber\":\"PA-7\",\"apiKey\":\"" + KEY + "\"}").text("id");
        assertThat(ada.client().delete(PATH + "/" + id).status()).isEqualTo(204);
        assertThat(ada.client().get(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(ada.client().get(PATH).json().get("connections")).isEmpty();
        String ciphertext = s.database.jdbi().withHandle(h -> h.createQuery("SELECT api_key_encrypted FROM broker_connections WHERE id = :id")
                .bind("id", UUID.fromString(id)).mapTo(String.class).one());
        assertThat(ciphertext).isNull();
        ApiClient.Response again = ada.client().post(PATH, "{\"broker\":\"alpaca\",\"accountNumber\":\"PA-7\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(id);
        assertThat(again.json().at("/credentials/apiKey").asBoolean()).isFalse();
    }

    @Test
    void canReadAndCanTradeAreEnforcedThroughTheAccountsConnection() {
        Fixtures mine = new Fixtures(s, ada);
        UUID account = mine.id(Owned.ACCOUNT);
        String connection = s.database.jdbi().withHandle(h -> h.createQuery("SELECT broker_connection_id FROM accounts WHERE id = :id")
                .bind("id", account).mapTo(String.class).one());
        String trade = "/api/probe/accounts/" + account + "/orders";
        String read = "/api/probe/accounts/" + account;
        assertThat(ada.client().post(trade, null).status()).isEqualTo(200);
        ada.client().patch(PATH + "/" + connection, "{\"canTrade\":false}");
        ApiClient.Response refused = ada.client().post(trade, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("canTrade is false");
        assertThat(ada.client().get(read).status()).isEqualTo(200);
        ada.client().patch(PATH + "/" + connection, "{\"canRead\":false}");
        assertThat(ada.client().get(read).status()).isEqualTo(403);
        ada.client().delete(PATH + "/" + connection);
        assertThat(ada.client().get(read).text("detail")).contains("deleted");
    }
}
