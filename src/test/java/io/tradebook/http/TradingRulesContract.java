package io.tradebook.http;

import static io.tradebook.http.TradingStoryContract.dec;
import static io.tradebook.http.TradingStoryContract.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.store.Database;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.SecurityRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refusals and rules around trading: malformed orders store nothing, who may push prices,
 * keys bound to a strategy, the broker connection's canTrade, accounts (names, brokers, cash in
 * and out, closing), securities and bars, notifications and the system log.
 */
abstract class TradingRulesContract {
    private TestServer s;
    private TestServer.Session ada;
    private TestServer.Session admin;
    private String base;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        ada = s.signUp("ada@example.com");
        admin = s.admin();
        assertThat(admin.client().post("/api/securities", "{\"ticker\":\"MSFT\",\"name\":\"Microsoft\",\"securityType\":\"EQUITY\"}").status())
                .isEqualTo(201);
        ApiClient.Response account = ada.client().post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"5000\","
                + "\"strategies\":[\"alpha\"]}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        base = "/api/accounts/" + account.text("id");
        assertThat(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"bid\":\"399.98\",\"ask\":\"400.02\"}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void malformedOrdersAreRefusedWithTheirFieldsAndStoreNothing() {
        String orders = base + "/orders";
        assertFields(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\"}"), "limitPrice");
        assertFields(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\",\"stopPrice\":\"1\"}"),
                "stopPrice");
        assertFields(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"0\"}"), "quantity");
        assertFields(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1.123456789\"}"),
                "quantity");
        assertFields(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\","
                + "\"limitPrice\":\"100000000\"}"), "limitPrice");
        assertFields(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\","
                + "\"strategy\":\"gamma\"}"), "strategy");
        assertFields(ada.client().post(orders, "{\"symbol\":\" \",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\","
                + "\"clientOrderId\":\"" + "c".repeat(101) + "\"}"), "symbol", "clientOrderId");
        assertFields(ada.client().post(orders, "{}"), "symbol", "side", "type", "quantity");
        assertThat(ada.client().get(orders).json().get("orders")).as("nothing was stored").isEmpty();

        // well-formed but turned down by the order path: stored REJECTED orders with their reasons
        assertThat(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1000\"}")
                .text("rejectReason")).isEqualTo("INSUFFICIENT_BUYING_POWER");
        assertThat(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"1\"}")
                .text("rejectReason")).isEqualTo("SHORT_SELLING_NOT_ALLOWED");
        assertThat(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"1.005\"}")
                .text("rejectReason")).isEqualTo("INVALID_PRICE");
        assertThat(ada.client().post(orders, "{\"symbol\":\"ZZZZ\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}")
                .text("rejectReason")).isEqualTo("UNKNOWN_INSTRUMENT");
        JsonNode rejected = ada.client().get(base + "/orders?status=REJECTED").json().get("orders");
        assertThat(rejected).hasSize(4);
        assertThat(ada.client().get(base + "/orders?status=FILLED,PLACED").json().get("orders")).isEmpty();
        assertThat(ada.client().get(base + "/orders?status=BOGUS").status()).isEqualTo(400);
        assertThat(ada.client().get(base + "/orders?cursor=not-a-cursor").status()).isEqualTo(400);
        assertThat(ada.client().post(base + "/deposits", "{\"amount\":\"1\"}").status()).isEqualTo(201);
        ApiClient.Response alien = ada.client().get(base + "/orders?cursor=" + firstPageCursor(base + "/journal?limit=1"));
        assertThat(alien.status()).as("a cursor of another listing").isEqualTo(400);
    }

    @Test
    void ordersPageNewestFirstWithFilters() {
        String orders = base + "/orders";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s.clock.advance(Duration.ofSeconds(1));
            ids.add(ada.client().post(orders, "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\""
                    + (300 + i) + "\",\"strategy\":\"" + (i % 2 == 0 ? "alpha" : "manual") + "\"}").text("id"));
        }
        JsonNode page1 = ada.client().get(orders + "?limit=2").json();
        JsonNode page2 = ada.client().get(orders + "?limit=2&cursor=" + page1.get("nextCursor").asText()).json();
        JsonNode page3 = ada.client().get(orders + "?limit=2&cursor=" + page2.get("nextCursor").asText()).json();
        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.get("orders").forEach(o -> seen.add(o.get("id").asText()));
        }
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(page3.get("nextCursor").isNull()).isTrue();
        assertThat(ada.client().get(orders + "?strategy=alpha").json().get("orders")).hasSize(3);
        assertThat(ada.client().get(orders + "?status=PLACED&symbol=MSFT").json().get("orders")).hasSize(5);
        assertThat(ada.client().get(orders + "?from=" + s.clock.instant().minusSeconds(1)).json().get("orders")).hasSize(2);
        JsonNode one = ada.client().get(orders + "/" + ids.get(0)).json();
        assertThat(statusesOf(one.get("events"))).startsWith("PENDING", "PLACED");
        assertThat(ada.client().get(orders).json().get("orders").get(0).has("events")).as("lists carry no history").isFalse();
    }

    @Test
    void onlyAdministratorsAndMarketDataKeysMovePrices() {
        ApiClient.Response byUser = ada.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"1\"}");
        assertThat(byUser.status()).isEqualTo(403);
        assertThat(byUser.text("type")).endsWith("insufficient-scope");
        ApiClient.Response key = ada.client().post("/api/keys", "{\"name\":\"feed\",\"scopes\":[\"read\"]}");
        String secret = key.text("key");
        assertThat(s.anonymous.apiKey(secret).post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"1\"}").status()).isEqualTo(403);
        ApiClient.Response granted = admin.client().patch("/api/admin/api-keys/" + key.json().at("/details/id").asText(),
                "{\"scopes\":[\"read\",\"market-data\"]}");
        assertThat(granted.status()).isEqualTo(200);
        ApiClient.Response byKey = s.anonymous.apiKey(secret).post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"401.5\"}");
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(200);
        assertThat(ada.client().get("/api/market/prices/MSFT").text("price")).isEqualTo("401.5");
        assertThat(ada.client().get("/api/market/prices").json().get("prices")).hasSize(1);
        assertThat(ada.client().get("/api/market/prices/NOPE").status()).isEqualTo(404);

        assertFields(admin.client().post("/api/market/prices", "{\"symbol\":\"NOPE\",\"price\":\"1\"}"), "symbol");
        assertFields(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"1\",\"bid\":\"1\"}"), "price");
        assertFields(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"bid\":\"2\",\"ask\":\"1\"}"), "bid");
        assertFields(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"bid\":\"2\"}"), "ask");
        assertFields(admin.client().post("/api/market/prices", "{\"symbol\":\"MSFT\",\"price\":\"-1\"}"), "price");
        assertThat(ada.client().get("/api/market/prices/MSFT").text("price")).as("refused pushes change nothing").isEqualTo("401.5");
    }

    @Test
    void aKeyBoundToAStrategyOrdersForItAlone() {
        JsonNode account = ada.client().get(base).json();
        String alpha = stream(account.get("strategies")).filter(st -> st.get("name").asText().equals("alpha")).findFirst().orElseThrow()
                .get("id").asText();
        String secret = ada.client().post("/api/keys", "{\"name\":\"alpha bot\",\"scopes\":[\"read\",\"trade\"],\"strategyActivationId\":\""
                + alpha + "\"}").text("key");
        ApiClient bot = s.anonymous.apiKey(secret);
        ApiClient.Response order = bot.post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        assertThat(order.text("strategy")).isEqualTo("alpha");
        assertFields(bot.post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\","
                + "\"strategy\":\"manual\"}"), "strategy");
        String other = "/api/accounts/" + ada.client().post("/api/accounts", "{\"name\":\"Other\",\"type\":\"CASH\",\"initialCash\":\"100\"}")
                .text("id");
        ApiClient.Response elsewhere = bot.post(other + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}");
        assertThat(elsewhere.status()).isEqualTo(403);
        ApiClient reader = s.anonymous.apiKey(ada.client().post("/api/keys", "{\"name\":\"reader\"}").text("key"));
        assertThat(reader.post(base + "/orders", "{}").status()).as("no trade scope").isEqualTo(403);
        assertThat(reader.get(base + "/fills").json().get("fills")).hasSize(1);
    }

    @Test
    void theConnectionsCanTradeAndTheSubscriptionGateTrading() {
        String connection = ada.client().get(base).text("brokerConnectionId");
        assertThat(ada.client().patch("/api/broker-connections/" + connection, "{\"canTrade\":false}").status()).isEqualTo(200);
        ApiClient.Response refused = ada.client().post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\","
                + "\"quantity\":\"1\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("canTrade");
        assertThat(ada.client().get(base + "/orders").json().get("orders")).isEmpty();
        assertThat(ada.client().patch("/api/broker-connections/" + connection, "{\"canTrade\":true}").status()).isEqualTo(200);
        assertThat(admin.client().patch("/api/admin/users/" + ada.userId(), "{\"subscriptionStatus\":\"EXPIRED\"}").status()).isEqualTo(200);
        ApiClient.Response expired = ada.client().post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\","
                + "\"quantity\":\"1\"}");
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.text("type")).endsWith("subscription-inactive");
        assertThat(ada.client().get(base).status()).as("reading goes on").isEqualTo(200);
    }

    @Test
    void accountsOpenMoveCashAndClose() {
        assertThat(ada.client().post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"1\"}").status()).isEqualTo(409);
        assertFields(ada.client().post("/api/accounts", "{\"name\":\"B\",\"broker\":\"alpaca\",\"type\":\"CASH\",\"initialCash\":\"1\"}"),
                "broker");
        assertFields(ada.client().post("/api/accounts", "{\"name\":\"C\",\"type\":\"CASH\",\"initialCash\":\"-1\",\"currency\":\"usd\","
                + "\"strategies\":[\"x\",\"x\",\"manual\"]}"), "initialCash", "currency", "strategies[1]", "strategies[2]");
        assertThat(ada.client().get("/api/accounts").json().get("accounts")).hasSize(1);

        ApiClient.Response deposit = ada.client().post(base + "/deposits", "{\"amount\":\"250.50\",\"reference\":\"wire-1\"}");
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        assertThat(dec(deposit.json().get("account"), "cash")).isEqualByComparingTo("5250.50");
        ApiClient.Response twice = ada.client().post(base + "/deposits", "{\"amount\":\"250.50\",\"reference\":\"wire-1\"}");
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.json().get("created").asBoolean()).isFalse();
        assertThat(dec(twice.json().get("account"), "cash")).isEqualByComparingTo("5250.50");
        JsonNode placed = ada.client().post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"10\","
                + "\"limitPrice\":\"300\"}").json();
        assertThat(placed.get("status").asText()).isEqualTo("PLACED");
        assertThat(dec(ada.client().get(base).json(), "buyingPower")).as("cash less 10 x 300 and the fee estimate held back")
                .isEqualByComparingTo("2250.2");
        assertFields(ada.client().post(base + "/withdrawals", "{\"amount\":\"3000\"}"), "amount");
        ApiClient.Response out = ada.client().post(base + "/withdrawals", "{\"amount\":\"2000\"}");
        assertThat(out.status()).isEqualTo(201);
        assertThat(dec(out.json().get("account"), "netDeposits")).isEqualByComparingTo("3250.50");
        assertThat(dec(out.json().get("account"), "totalPnl")).isEqualByComparingTo("0");

        assertThat(ada.client().delete(base).status()).isEqualTo(204);
        assertThat(ada.client().get(base).status()).isEqualTo(404);
        assertThat(ada.client().get("/api/accounts").json().get("accounts")).isEmpty();
        String status = s.database.jdbi().withHandle(h -> h.createQuery("SELECT status FROM orders WHERE id = :id")
                .bind("id", UUID.fromString(placed.get("id").asText())).mapTo(String.class).one());
        assertThat(status).as("closing cancels the working orders").isEqualTo("CANCELLED");
        assertThat(ada.client().post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"1\"}").status())
                .as("a deleted account's name stays taken").isEqualTo(409);
    }

    @Test
    void securitiesAndTheirBars() {
        assertThat(ada.client().post("/api/securities", "{\"ticker\":\"X\",\"name\":\"X\",\"securityType\":\"equity\"}").status())
                .isEqualTo(403);
        assertThat(admin.client().post("/api/securities", "{\"ticker\":\"MSFT\",\"name\":\"Microsoft\",\"securityType\":\"EQUITY\"}").status())
                .isEqualTo(409);
        assertFields(admin.client().post("/api/securities", "{\"ticker\":\"bad ticker\",\"name\":\"B\",\"securityType\":\"crypto\","
                + "\"tickSize\":\"0\",\"lotSize\":\"0.000000001\",\"quantityScale\":9,\"currency\":\"usd\"}"),
                "ticker", "tickSize", "lotSize", "quantityScale", "currency");
        ApiClient.Response btc = admin.client().post("/api/securities", "{\"ticker\":\"BTC-USD\",\"name\":\"Bitcoin\",\"securityType\":\"crypto\","
                + "\"exchange\":\"COINBASE\",\"tickSize\":\"0.01\"}");
        assertThat(btc.status()).as(btc.body()).isEqualTo(201);
        assertThat(btc.text("lotSize")).isEqualTo("0.00000001");
        JsonNode list = ada.client().get("/api/securities?type=crypto").json().get("securities");
        assertThat(stream(list).map(n -> n.get("ticker").asText())).containsExactly("BTC-USD");
        String id = btc.text("id");
        assertThat(ada.client().get("/api/securities/" + id).text("ticker")).isEqualTo("BTC-USD");
        assertThat(ada.client().get("/api/securities/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(ada.client().get("/api/securities/not-an-id").status()).isEqualTo(404);

        var security = new SecurityRepository(s.database.jdbi()).find(UUID.fromString(id)).orElseThrow();
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            Price p = Price.of(String.valueOf(40000 + i), Currency.USD);
            bars.add(new Bar("BTC-USD", t.plusSeconds(86_400L * i), p, p, p, p, Quantity.of(i + 1)));
        }
        new PriceHistoryRepository(s.database.jdbi()).store(security, Timeframe.D1, bars, false, "test");
        JsonNode first = ada.client().get("/api/securities/" + id + "/bars?timeframe=1d&limit=3").json();
        assertThat(first.get("bars")).hasSize(3);
        assertThat(first.get("bars").get(0).get("close").asText()).isEqualTo("40000");
        JsonNode rest = ada.client().get("/api/securities/" + id + "/bars?limit=3&from=" + first.get("next").asText()).json();
        assertThat(rest.get("bars")).hasSize(2);
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(ada.client().get("/api/securities/" + id + "/bars?timeframe=2d").status()).isEqualTo(400);
    }

    @Test
    void notificationsAreListedCountedAndMarkedRead() {
        ada.client().post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}");
        ada.client().post(base + "/orders", "{\"symbol\":\"MSFT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1000\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get("/api/notifications/unread-count").json().get("unread")
                .asLong() == 2);
        JsonNode all = ada.client().get("/api/notifications").json().get("notifications");
        assertThat(stream(all).map(n -> n.get("type").asText())).containsExactly("ORDER_REJECTED", "ORDER_FILLED");
        assertThat(ada.client().get("/api/notifications/unread-count").json().get("unread").asLong()).isEqualTo(2);
        long id = all.get(0).get("id").asLong();
        ApiClient.Response read = ada.client().post("/api/notifications/" + id + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();
        assertThat(ada.client().get("/api/notifications?unread=true").json().get("notifications")).hasSize(1);
        TestServer.Session bob = s.signUp("bob@example.com");
        assertThat(bob.client().post("/api/notifications/" + id + "/read", null).status()).isEqualTo(404);
        assertThat(bob.client().get("/api/notifications").json().get("notifications")).isEmpty();
        assertThat(ada.client().post("/api/notifications/read-all", null).json().get("marked").asInt()).isEqualTo(1);
        assertThat(ada.client().get("/api/notifications/unread-count").json().get("unread").asLong()).isZero();

        assertThat(ada.client().get("/api/notifications/settings").json().get("webhookUrl").isNull()).isTrue();
        assertFields(ada.client().send("PUT", "/api/notifications/settings", "{\"webhookUrl\":\"ftp://example.com\"}", "application/json"),
                "webhookUrl");
        ApiClient.Response set = ada.client().send("PUT", "/api/notifications/settings", "{\"webhookUrl\":\"https://hooks.example.com/t\"}",
                "application/json");
        assertThat(set.status()).isEqualTo(200);
        assertThat(ada.client().get("/api/notifications/settings").text("webhookUrl")).isEqualTo("https://hooks.example.com/t");
        assertThat(ada.client().send("PUT", "/api/notifications/settings", "{\"webhookUrl\":null}", "application/json").status()).isEqualTo(200);
        assertThat(ada.client().get("/api/notifications/settings").json().get("webhookUrl").isNull()).isTrue();
    }

    @Test
    void administratorsReadTheSystemLog() {
        assertThat(ada.client().get("/api/admin/system-log").status()).isEqualTo(403);
        JsonNode entries = admin.client().get("/api/admin/system-log?component=accounts").json().get("entries");
        assertThat(stream(entries).map(e -> e.get("message").asText())).contains("account opened");
        assertThat(stream(entries).map(e -> e.get("userId").asText())).containsOnly(ada.userId());
        JsonNode warnings = admin.client().get("/api/admin/system-log?level=WARNING").json().get("entries");
        assertThat(stream(warnings).map(e -> e.get("level").asText())).doesNotContain("INFO", "DEBUG");
        JsonNode page = admin.client().get("/api/admin/system-log?limit=1").json();
        assertThat(page.get("entries")).hasSize(1);
        JsonNode next = admin.client().get("/api/admin/system-log?limit=1&cursor=" + page.get("nextCursor").asText()).json();
        assertThat(next.get("entries").get(0).get("id").asLong()).isNotEqualTo(page.get("entries").get(0).get("id").asLong());
        assertThat(admin.client().get("/api/admin/system-log?level=LOUD").status()).isEqualTo(400);
    }

    private String firstPageCursor(String path) {
        return ada.client().get(path).json().get("nextCursor").asText();
    }

    private static void assertFields(ApiClient.Response r, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(AuthContract.fields(r)).contains(fields);
    }

    private static List<String> statusesOf(JsonNode events) {
        List<String> to = new ArrayList<>();
        events.forEach(e -> to.add(e.get("to").asText()));
        return to;
    }
}
