package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;
import io.tradebook.store.TradingNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL database: two {@link TradebookServer}s in this JVM, each
 * with its own connection pool, order path, paper broker, caches and node name, sharing nothing in
 * memory. A user's token works on both (one installation). Concurrent buys on one CASH account from
 * both never overspend or fill twice; a price pushed to one fills the working orders of the other;
 * a node's name is held while it runs; a stopped node's working orders wait for its restart.
 */
class PostgresSeveralServersTest {
    private TestServer a;
    private TestServer b;
    private TestServer.Session ada;
    private ApiClient onA;
    private ApiClient onB;
    private ApiClient adminOnA;

    @BeforeEach
    void start() {
        a = new TestServer(TestDatabases.postgres());
        b = TestServer.alongside(a, Database.open(a.database.config()), c -> c);
        ada = a.signUp("ada@example.com");
        onA = ada.client();
        onB = new ApiClient(b.server.uri()).bearer(ada.accessToken());
        adminOnA = a.admin().client();
        ApiClient.Response listed = adminOnA.post("/api/securities",
                "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            a.close();
        }
    }

    @Test
    void concurrentBuysFromBothServersNeverOverspendNorFillTwice() throws Exception {
        push(adminOnA, "AAPL", "100");
        awaitPrice(onB, "AAPL", "100");
        String account = open(onA, "{\"name\":\"Shared\",\"type\":\"CASH\",\"initialCash\":\"10000\"}");
        String orders = "/api/accounts/" + account + "/orders";
        String buy = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}";

        // 160 buys of 100.01 each (price and 1 bp commission) against 10,000 of cash, half through each server
        for (ApiClient.Response r : throughBoth(orders, buy, 160)) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            // a market order is PLACED when its fill is still being delivered by another thread
            assertThat(r.text("status")).isIn("FILLED", "REJECTED", "PLACED");
            if (r.text("status").equals("REJECTED")) {
                assertThat(r.text("rejectReason")).isEqualTo("INSUFFICIENT_BUYING_POWER");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM orders WHERE account_id = CAST(:a AS UUID) "
                + "AND status NOT IN ('FILLED', 'REJECTED')", account) == 0);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE account_id = CAST(:a AS UUID)", account)).isEqualTo(160);
        int filled = count("SELECT COUNT(*) FROM orders WHERE account_id = CAST(:a AS UUID) AND status = 'FILLED'", account);
        assertThat(filled).isBetween(1, 99);

        Jdbi jdbi = a.database.jdbi();
        Map<String, Object> fills = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS n, COUNT(DISTINCT broker_trade_id) AS trades, "
                + "SUM(quantity) AS quantity, SUM(quantity * price + fee) AS cost FROM fills WHERE account_id = CAST(:a AS UUID)")
                .bind("a", account).mapToMap().one());
        assertThat(((Number) fills.get("n")).intValue()).as("one fill per filled order").isEqualTo(filled);
        assertThat(((Number) fills.get("trades")).intValue()).as("trade ids unique").isEqualTo(filled);
        assertThat(new BigDecimal(fills.get("quantity").toString())).isEqualByComparingTo(BigDecimal.valueOf(filled));
        BigDecimal cash = new BigDecimal("10000").subtract(new BigDecimal(fills.get("cost").toString()));
        assertThat(cash.signum()).as("never overspent").isGreaterThanOrEqualTo(0);
        assertThat(count("SELECT COUNT(*) FROM orders o WHERE o.account_id = CAST(:a AS UUID) AND "
                + "o.filled_quantity <> (SELECT COALESCE(SUM(f.quantity), 0) FROM fills f WHERE f.order_id = o.id)", account))
                .as("every order's fills add up to its filled quantity").isZero();
        assertThat(count("SELECT COUNT(DISTINCT placed_by) FROM orders WHERE account_id = CAST(:a AS UUID) AND status = 'FILLED'",
                account)).as("both nodes filled orders").isEqualTo(2);

        for (ApiClient client : List.of(onA, onB)) {
            // each server reads the account as the database holds it, whoever wrote last
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode view = client.get("/api/accounts/" + account).json();
                assertThat(new BigDecimal(view.get("cash").asText())).isEqualByComparingTo(cash);
            });
            JsonNode verification = client.get("/api/accounts/" + account + "/verification").json();
            assertThat(verification.get("clean").asBoolean()).as(verification.toString()).isTrue();
        }
    }

    @Test
    void aPricePushedToOneServerFillsTheWorkingOrdersOfBoth() {
        String account = marginAccountAt100();
        String orders = "/api/accounts/" + account + "/orders";
        String limit = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"5\",\"limitPrice\":\"95\"}";
        String fromA = submit(onA, orders, limit).get("id").asText();
        String fromB = submit(onB, orders, limit).get("id").asText();

        push(new ApiClient(b.server.uri()).bearer(b.admin().accessToken()), "AAPL", "95");
        for (String id : List.of(fromA, fromB)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> onA.get(orders + "/" + id).text("status").equals("FILLED"));
        }
        awaitPrice(onA, "AAPL", "95");
        assertThat(count("SELECT COUNT(*) FROM fills WHERE account_id = CAST(:a AS UUID)", account)).isEqualTo(2);
        assertThat(onB.get("/api/accounts/" + account + "/verification").json().get("clean").asBoolean()).isTrue();
    }

    @Test
    void aRiskRuleAddedThroughOneServerIsEnforcedByTheOther() {
        String account = marginAccountAt100();
        String orders = "/api/accounts/" + account + "/orders";
        ApiClient.Response rule = onA.post("/api/accounts/" + account + "/risk-rules", "{\"type\":\"MAX_POSITION_SIZE\",\"value\":\"5\"}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        // a limit far below the market never fills: tries made before the rule arrives only leave working orders
        String big = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"10\",\"limitPrice\":\"1\"}";
        await().atMost(Duration.ofSeconds(10)).until(() -> "RISK_RULE".equals(submit(onB, orders, big).path("rejectReason").asText()));

        ApiClient.Response removed = onA.delete("/api/accounts/" + account + "/risk-rules/" + rule.text("id"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PLACED".equals(submit(onB, orders, big).path("status").asText()));
    }

    @Test
    void aDailyOrderLimitHoldsAcrossBothServers() throws Exception {
        String account = marginAccountAt100();
        String orders = "/api/accounts/" + account + "/orders";
        ApiClient.Response rule = onA.post("/api/accounts/" + account + "/risk-rules", "{\"type\":\"MAX_ORDERS_PER_DAY\",\"value\":\"6\"}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.server.context().trading().paper().rules().rules().isEmpty());

        // 24 limit orders far below the market (they stay working), half through each server, 8 at a time
        String limit = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"50\"}";
        int placed = 0;
        for (ApiClient.Response r : throughBoth(orders, limit, 24)) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            if (r.text("status").equals("PLACED")) {
                placed++;
            } else {
                assertThat(r.text("status")).isEqualTo("REJECTED");
                assertThat(r.text("rejectReason")).isEqualTo("RISK_RULE");
            }
        }
        assertThat(placed).as("the limit counts the orders of both servers").isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE account_id = CAST(:a AS UUID) AND status = 'PLACED'", account)).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE account_id = CAST(:a AS UUID) AND reject_reason = 'RISK_RULE'", account))
                .isEqualTo(18);
        // each server, asked once more, counts the six the two of them placed
        for (ApiClient client : List.of(onA, onB)) {
            JsonNode refused = submit(client, orders, limit);
            assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
            assertThat(refused.get("message").asText()).contains("6 orders submitted today, limit 6");
        }
    }

    /** {@code count} posts of {@code body} to {@code path}, alternately through each server, eight at a time; the answers in order. */
    private List<ApiClient.Response> throughBoth(String path, String body, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiClient.Response>> submits = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ApiClient client = i % 2 == 0 ? onA : onB;
                submits.add(pool.submit(() -> client.post(path, body)));
            }
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> f : submits) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOrderIsCancelledThroughEitherServerAndReplacedThroughTheOneThatWorksIt() {
        String account = marginAccountAt100();
        String orders = "/api/accounts/" + account + "/orders";
        String limit = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"4\",\"limitPrice\":\"80\"}";
        String onSecond = submit(onB, orders, limit).get("id").asText();

        ApiClient.Response elsewhere = onA.patch(orders + "/" + onSecond, "{\"limitPrice\":\"81\"}");
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("worked by server node second");
        ApiClient.Response replaced = onB.patch(orders + "/" + onSecond, "{\"limitPrice\":\"81\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

        ApiClient.Response cancel = onA.delete(orders + "/" + onSecond);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.get(orders + "/" + onSecond).text("status").equals("CANCELLED"));
        assertThat(new BigDecimal(onB.get("/api/accounts/" + account).json().get("cash").asText())).isEqualByComparingTo("100000");
        assertThat(onA.get("/api/accounts/" + account + "/verification").json().get("clean").asBoolean()).isTrue();
    }

    @Test
    void aNodeNameIsHeldWhileItRunsAndAStoppedNodesOrdersWaitForItsRestart() {
        assertThatThrownBy(() -> TestServer.alongside(a, c -> c)).isInstanceOf(TradingNode.NodeInUseException.class)
                .hasMessageContaining("node second is running in another process");

        String account = marginAccountAt100();
        String orders = "/api/accounts/" + account + "/orders";
        String limit = "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"3\",\"limitPrice\":\"90\"}";
        String onSecond = submit(onB, orders, limit).get("id").asText();
        String onMain = submit(onA, orders, limit).get("id").asText();
        b.close();
        b = null;

        // node "main" fills its own order at 90; node "second" is stopped, and nobody else works its order
        push(adminOnA, "AAPL", "90");
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.get(orders + "/" + onMain).text("status").equals("FILLED"));
        assertThat(onA.get(orders + "/" + onSecond).text("status")).isEqualTo("PLACED");

        // "second" starts again (anywhere, with its name): it resumes its order, which fills at the price in force
        b = TestServer.alongside(a, Database.open(a.database.config()), c -> c);
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.get(orders + "/" + onSecond).text("status").equals("FILLED"));
        assertThat(new BigDecimal(onA.get(orders + "/" + onSecond).text("averageFillPrice"))).isEqualByComparingTo("90");
        List<String> tradeIds = a.database.jdbi().withHandle(h -> h.createQuery("SELECT broker_trade_id FROM fills "
                + "WHERE account_id = CAST(:a AS UUID) ORDER BY broker_trade_id").bind("a", account).mapTo(String.class).list());
        assertThat(tradeIds).as("ids carry the node and its start").hasSize(2).anySatisfy(id -> assertThat(id).startsWith("PT-main-1-"))
                .anySatisfy(id -> assertThat(id).startsWith("PT-second-2-"));
    }

    /** A MARGIN account of 100,000 opened through the first server, with AAPL at 100 in both servers' feeds. */
    private String marginAccountAt100() {
        push(adminOnA, "AAPL", "100");
        String account = open(onA, "{\"name\":\"Margin\",\"type\":\"MARGIN\",\"initialCash\":\"100000\"}");
        awaitPrice(onB, "AAPL", "100");
        return account;
    }

    private int count(String sql, String account) {
        return a.database.jdbi().withHandle(h -> h.createQuery(sql).bind("a", account).mapTo(Integer.class).one());
    }

    private static String open(ApiClient client, String body) {
        ApiClient.Response opened = client.post("/api/accounts", body);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.text("id");
    }

    private static JsonNode submit(ApiClient client, String path, String body) {
        ApiClient.Response r = client.post(path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static void push(ApiClient admin, String symbol, String price) {
        ApiClient.Response pushed = admin.post("/api/market/prices", "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    private static void awaitPrice(ApiClient client, String symbol, String price) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ApiClient.Response r = client.get("/api/market/prices/" + symbol);
            return r.status() == 200 && new BigDecimal(r.text("price")).compareTo(new BigDecimal(price)) == 0;
        });
    }
}
