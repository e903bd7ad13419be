package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.store.Database;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Performance per account and per strategy from the books' history, with worked numbers: 100,000
 * deposited; strategy alpha buys 10 AAPL at 100, a day later 10 more at 90, a day later sells the
 * 20 at 110; the paper broker charges 1 basis point a fill (0.10, 0.09, 0.22).
 *
 * <pre>
 * deposit      equity 100,000
 * buy 10 @100  cash 98,999.90 + 10 × 100 = 99,999.90
 * buy 10 @90   cash 98,099.81 + 20 × 90  = 99,899.81   drawdown 1 − 99,899.81 / 100,000 = 0.0010019
 * sell 20 @110 cash 100,299.59                           one round trip: 2,200 − 1,900 − 0.41 = 299.59
 * </pre>
 */
abstract class PerformanceContract {
    private TestServer s;
    private TestServer.Session ada;
    private TestServer.Session admin;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        ada = s.signUp("ada@example.com");
        admin = s.admin();
        assertThat(admin.client().post("/api/securities", "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\","
                + "\"exchange\":\"NASDAQ\"}").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private void trade(String account, String side, String quantity, String price) {
        assertThat(admin.client().post("/api/market/prices", "{\"symbol\":\"AAPL\",\"price\":\"" + price + "\"}").status()).isEqualTo(200);
        ApiClient.Response order = ada.client().post("/api/accounts/" + account + "/orders", "{\"symbol\":\"AAPL\",\"side\":\"" + side
                + "\",\"type\":\"MARKET\",\"quantity\":\"" + quantity + "\",\"strategy\":\"alpha\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String path = "/api/accounts/" + account + "/orders/" + order.text("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get(path).text("status").equals("FILLED"));
        nextDay();
    }

    /** A day later (signed in again: access tokens last less than a day). */
    private void nextDay() {
        s.clock.advance(Duration.ofDays(1));
        ada = s.signIn("ada@example.com", ada.password());
        admin = s.admin();
    }

    @Test
    void theAccountAndItsStrategyAreMeasuredFromTheirBooksHistory() {
        JsonNode opened = ada.client().post("/api/accounts", "{\"name\":\"Main\",\"broker\":\"paper\",\"type\":\"MARGIN\","
                + "\"initialCash\":\"100000\",\"strategies\":[\"alpha\"]}").json();
        String account = opened.get("id").asText();
        nextDay();
        trade(account, "BUY", "10", "100");
        trade(account, "BUY", "10", "90");
        trade(account, "SELL", "20", "110");

        JsonNode perf = ada.client().get("/api/accounts/" + account + "/performance").json();
        assertThat(dec(perf.get("equity"))).isEqualByComparingTo("100299.59");
        JsonNode curve = perf.get("equityCurve");
        assertThat(curve).hasSize(5);
        assertThat(dec(curve.get(0).get("equity"))).isEqualByComparingTo("100000");
        assertThat(dec(curve.get(1).get("equity"))).isEqualByComparingTo("99999.9");
        assertThat(dec(curve.get(2).get("equity"))).isEqualByComparingTo("99899.81");
        assertThat(dec(curve.get(3).get("equity"))).isEqualByComparingTo("100299.59");
        assertThat(dec(curve.get(4).get("equity"))).isEqualByComparingTo("100299.59");
        assertThat(dec(perf.at("/drawdown/2/drawdown"))).isEqualByComparingTo("0.0010019");
        assertThat(dec(perf.at("/drawdown/3/drawdown"))).isEqualByComparingTo("0");
        assertThat(dec(perf.at("/metrics/totalReturn"))).isEqualByComparingTo("0.0029959");
        assertThat(dec(perf.at("/metrics/maxDrawdown"))).isEqualByComparingTo("0.0010019");
        assertThat(perf.at("/metrics/trades").asInt()).isEqualTo(1);
        assertThat(dec(perf.at("/metrics/winRate"))).isEqualByComparingTo("1");

        JsonNode alphaLine = null;
        for (JsonNode line : perf.get("strategies")) {
            if (line.get("name").asText().equals("alpha")) {
                alphaLine = line;
            }
        }
        assertThat(alphaLine).isNotNull();
        assertThat(dec(alphaLine.get("capital"))).isEqualByComparingTo("100000");
        assertThat(dec(alphaLine.get("equity"))).isEqualByComparingTo("100299.59");
        String activation = alphaLine.get("activationId").asText();

        String path = "/api/accounts/" + account + "/strategies/" + activation + "/performance";
        JsonNode alpha = ada.client().get(path).json();
        assertThat(alpha.get("name").asText()).isEqualTo("alpha");
        assertThat(alpha.get("roundTrips")).hasSize(1);
        assertThat(dec(alpha.at("/roundTrips/0/pnl"))).isEqualByComparingTo("299.59");
        assertThat(dec(alpha.at("/roundTrips/0/size"))).isEqualByComparingTo("20");
        assertThat(alpha.get("fills")).hasSize(3);
        assertThat(dec(alpha.at("/metrics/totalReturn"))).isEqualByComparingTo("0.0029959");
        assertThat(dec(alpha.at("/drawdown/2/drawdown"))).isEqualByComparingTo("0.0010019");

        ApiClient.Response saved = ada.client().post(path + "/snapshots", null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(dec(saved.json().get("totalReturn"))).isEqualByComparingTo("0.0029959");
        assertThat(saved.json().get("trades").asInt()).isEqualTo(1);
        JsonNode listed = ada.client().get(path + "/snapshots").json().get("snapshots");
        assertThat(listed).hasSize(1);
        Integer inView = s.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM strategy_performance "
                + "WHERE strategy_activation_id = :a").bind("a", java.util.UUID.fromString(activation)).mapTo(Integer.class).one());
        assertThat(inView).isEqualTo(1);

        TestServer.Session bob = s.signUp("bob@example.com");
        assertThat(bob.client().get("/api/accounts/" + account + "/performance").status()).isEqualTo(404);
        assertThat(bob.client().get(path).status()).isEqualTo(404);
        String bobAccount = bob.client().post("/api/accounts", "{\"name\":\"B\",\"broker\":\"paper\",\"type\":\"CASH\","
                + "\"initialCash\":\"10\"}").text("id");
        assertThat(bob.client().get("/api/accounts/" + bobAccount + "/strategies/" + activation + "/performance").status())
                .as("an activation of another account").isEqualTo(404);
    }

    @Test
    void aFreshAccountHasAFlatCurveAndUndefinedRatios() {
        String account = ada.client().post("/api/accounts", "{\"name\":\"Fresh\",\"broker\":\"paper\",\"type\":\"CASH\","
                + "\"initialCash\":\"5000\"}").text("id");
        nextDay();
        JsonNode perf = ada.client().get("/api/accounts/" + account + "/performance").json();
        assertThat(dec(perf.get("equity"))).isEqualByComparingTo("5000");
        assertThat(perf.get("equityCurve")).hasSize(2);
        assertThat(dec(perf.at("/metrics/totalReturn"))).isEqualByComparingTo("0");
        assertThat(perf.at("/metrics/trades").asInt()).isZero();
    }

    private static BigDecimal dec(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}
