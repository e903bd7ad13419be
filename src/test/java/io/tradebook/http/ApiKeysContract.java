package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.store.Database;
import io.tradebook.store.Owned;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys, scopes, the subscription rule and per-key rate limits, over HTTP. */
abstract class ApiKeysContract {
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
    void aKeyIsShownOnceStoredHashedAndAcceptedAsBearerOrHeader() {
        ApiClient.Response created = ada.client().post("/api/keys", "{\"name\":\"bot\",\"scopes\":[\"read\",\"trade\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).startsWith("tbk_").hasSize(47);
        String id = created.json().at("/details/id").asText();
        assertThat(created.json().at("/details/prefix").asText()).isEqualTo(key.substring(0, 12));

        ApiClient.Response listed = ada.client().get("/api/keys");
        assertThat(listed.json().get("keys")).hasSize(1);
        assertThat(listed.body()).doesNotContain(key);
        assertThat(ada.client().get("/api/keys/" + id).body()).doesNotContain(key);
        String stored = s.database.jdbi().withHandle(h -> h.createQuery("SELECT key_hash FROM api_keys").mapTo(String.class).one());
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(key.substring(4));

        ApiClient.Response viaBearer = s.anonymous.bearer(key).get("/api/me");
        assertThat(viaBearer.status()).isEqualTo(200);
        assertThat(viaBearer.json().at("/credential/method").asText()).isEqualTo("api-key");
        assertThat(viaBearer.json().at("/credential/apiKeyId").asText()).isEqualTo(id);
        assertThat(s.anonymous.apiKey(key).get("/api/me").status()).isEqualTo(200);
        assertThat(s.anonymous.bearer(key).apiKey(key).get("/api/me").status()).isEqualTo(200);
        assertThat(s.anonymous.bearer(ada.accessToken()).apiKey(key).get("/api/me").status()).as("two credentials").isEqualTo(401);
        assertThat(s.anonymous.apiKey("tbk_" + "x".repeat(43)).get("/api/me").status()).isEqualTo(401);
        assertThat(ada.client().get("/api/keys/" + id).json().get("lastUsedAt").isNull()).isFalse();

        assertThat(ada.client().delete("/api/keys/" + id).status()).isEqualTo(204);
        assertThat(s.anonymous.apiKey(key).get("/api/me").status()).isEqualTo(401);
        assertThat(ada.client().get("/api/keys/" + id).status()).isEqualTo(404);
        assertThat(ada.client().get("/api/keys").json().get("keys")).isEmpty();
        assertThat(messages()).contains("API key created", "API key revoked");
    }

    @Test
    void scopesDecideWhatAKeyMayDo() {
        String reader = key("{\"name\":\"reader\"}");
        String trader = key("{\"name\":\"trader\",\"scopes\":[\"trade\"]}");
        assertThat(s.anonymous.apiKey(reader).get("/api/me").status()).isEqualTo(200);
        ApiClient.Response refused = s.anonymous.apiKey(reader).post("/api/probe/orders", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:tradebook:problem:insufficient-scope");
        assertThat(s.anonymous.apiKey(trader).post("/api/probe/orders", null).status()).isEqualTo(200);
        assertThat(s.anonymous.apiKey(trader).get("/api/me").status()).as("trade without read").isEqualTo(403);
        ApiClient.Response keysWithKey = s.anonymous.apiKey(reader).get("/api/keys");
        assertThat(keysWithKey.status()).isEqualTo(403);
        assertThat(keysWithKey.text("type")).isEqualTo("urn:tradebook:problem:session-required");
        assertThat(ada.client().post("/api/probe/orders", null).status()).as("a session trades").isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorGrantsTheMarketDataScope() {
        ApiClient.Response asked = ada.client().post("/api/keys", "{\"name\":\"feed\",\"scopes\":[\"market-data\"]}");
        assertThat(asked.status()).isEqualTo(422);
        assertThat(AuthContract.fields(asked)).containsExactly("scopes");
        String price = "{\"symbol\":\"AAPL\",\"price\":\"187.25\"}";
        assertThat(ada.client().post("/api/probe/prices", price).status()).isEqualTo(403);

        ApiClient.Response feed = ada.client().post("/api/keys", "{\"name\":\"feed\",\"scopes\":[\"read\"]}");
        String key = feed.text("key");
        String id = feed.json().at("/details/id").asText();
        assertThat(s.anonymous.apiKey(key).post("/api/probe/prices", price).status()).isEqualTo(403);
        assertThat(ada.client().patch("/api/admin/api-keys/" + id, "{\"scopes\":[\"read\",\"market-data\"]}").status())
                .as("users cannot grant").isEqualTo(403);
        TestServer.Session admin = s.admin();
        ApiClient.Response granted = admin.client().patch("/api/admin/api-keys/" + id, "{\"scopes\":[\"read\",\"market-data\"]}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        ApiClient.Response pushed = s.anonymous.apiKey(key).post("/api/probe/prices", price);
        assertThat(pushed.status()).isEqualTo(200);
        assertThat(pushed.text("price")).isEqualTo("187.25");
        assertThat(admin.client().post("/api/probe/prices", price).status()).as("an administrator's session").isEqualTo(200);
    }

    @Test
    void anExpiredSubscriptionReadsButDoesNotTrade() {
        String trader = key("{\"name\":\"trader\",\"scopes\":[\"read\",\"trade\"]}");
        TestServer.Session admin = s.admin();
        assertThat(admin.client().patch("/api/admin/users/" + ada.userId(), "{\"subscriptionStatus\":\"ACTIVE\","
                + "\"subscriptionExpires\":\"2026-03-03T00:00:00Z\"}").status()).isEqualTo(200);
        assertThat(ada.client().post("/api/probe/orders", null).status()).isEqualTo(200);

        s.clock.advance(Duration.ofDays(1));
        ada = s.signIn("ada@example.com", ada.password());
        admin = s.admin();
        ApiClient.Response me = ada.client().get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/user/subscription/status").asText()).isEqualTo("EXPIRED");
        assertThat(me.json().at("/user/subscription/canTrade").asBoolean()).isFalse();
        for (ApiClient caller : List.of(ada.client(), s.anonymous.apiKey(trader))) {
            ApiClient.Response refused = caller.post("/api/probe/orders", null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("type")).isEqualTo("urn:tradebook:problem:subscription-inactive");
            assertThat(caller.get("/api/broker-connections").status()).isEqualTo(200);
        }
        admin.client().patch("/api/admin/users/" + ada.userId(), "{\"subscriptionStatus\":\"PAST_DUE\",\"subscriptionExpires\":null}");
        assertThat(ada.client().post("/api/probe/orders", null).status()).isEqualTo(403);
        admin.client().patch("/api/admin/users/" + ada.userId(), "{\"subscriptionStatus\":\"ACTIVE\"}");
        assertThat(ada.client().post("/api/probe/orders", null).status()).isEqualTo(200);
    }

    @Test
    void eachKeyHasItsOwnRateLimit() {
        String slow = key("{\"name\":\"slow\",\"rateLimitPerMinute\":3}");
        String other = key("{\"name\":\"other\",\"rateLimitPerMinute\":3}");
        ApiClient client = s.anonymous.apiKey(slow);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/me").status()).isEqualTo(200);
        }
        ApiClient.Response limited = client.get("/api/me");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("20");
        assertThat(s.anonymous.apiKey(other).get("/api/me").status()).as("another key has its own bucket").isEqualTo(200);
        s.clock.advance(Duration.ofSeconds(20));
        assertThat(client.get("/api/me").status()).isEqualTo(200);
        assertThat(client.get("/api/me").status()).isEqualTo(429);
    }

    @Test
    void expiredKeysStopWorkingAndBadKeyRequestsNameTheirFields() {
        String brief = key("{\"name\":\"brief\",\"expiresAt\":\"2026-03-02T15:30:00Z\"}");
        assertThat(s.anonymous.apiKey(brief).get("/api/me").status()).isEqualTo(200);
        s.clock.advance(Duration.ofHours(1));
        assertThat(s.anonymous.apiKey(brief).get("/api/me").status()).isEqualTo(401);
        ada = s.signIn("ada@example.com", ada.password());

        ApiClient.Response bad = ada.client().post("/api/keys", "{\"name\":\"\",\"scopes\":[],\"expiresAt\":\"2020-01-01T00:00:00Z\","
                + "\"rateLimitPerMinute\":0}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(AuthContract.fields(bad)).containsExactlyInAnyOrder("name", "scopes", "expiresAt", "rateLimitPerMinute");
    }

    @Test
    void aKeyBoundToAStrategyCarriesItAndOnlyYourOwnStrategiesCanBeBound() {
        Fixtures mine = new Fixtures(s, ada);
        String activation = mine.id(Owned.STRATEGY_ACTIVATION).toString();
        ApiClient.Response created = ada.client().post("/api/keys", "{\"name\":\"momentum bot\",\"scopes\":[\"read\",\"trade\"],"
                + "\"strategyActivationId\":\"" + activation + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.text("key");
        assertThat(s.anonymous.apiKey(key).get("/api/me").json().at("/credential/strategyActivationId").asText()).isEqualTo(activation);
        assertThat(s.anonymous.apiKey(key).post("/api/probe/orders", null).text("strategyActivationId")).isEqualTo(activation);

        TestServer.Session bob = s.signUp("bob@example.com");
        ApiClient.Response stolen = bob.client().post("/api/keys", "{\"name\":\"x\",\"strategyActivationId\":\"" + activation + "\"}");
        assertThat(stolen.status()).isEqualTo(422);
        assertThat(AuthContract.fields(stolen)).containsExactly("strategyActivationId");
    }

    private String key(String body) {
        ApiClient.Response created = ada.client().post("/api/keys", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("key");
    }

    private List<String> messages() {
        return s.database.jdbi().withHandle(h -> h.createQuery("SELECT message FROM system_logs ORDER BY id").mapTo(String.class).list());
    }
}
