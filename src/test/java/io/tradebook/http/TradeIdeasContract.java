package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.core.ideas.BasketAnalyser;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.marketdata.BundledData;
import io.tradebook.store.Database;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trade ideas through the API: a basket of AAPL (bundled 2013 closes) long and IDX (the S&P 500
 * closes of 2013, listed as an equity) short is written, analysed (the stored verdict equals the
 * analyser's on the same closes, and analysing again changes nothing), activated into a paper
 * account by allocation of an amount (whole shares, rounded down), and each leg then shows its
 * fill and marks; the status table and bad input are refused naming the field; another user sees
 * nothing of it.
 */
abstract class TradeIdeasContract {
    private static final String IDEA = "{\"title\":\"Apple over the index\",\"description\":\"pair\",\"legs\":["
            + "{\"symbol\":\"AAPL\",\"side\":\"LONG\",\"allocationPercent\":\"60\",\"rationale\":\"growth\"},"
            + "{\"symbol\":\"IDX\",\"side\":\"SHORT\",\"allocationPercent\":\"30\"}]}";
    private TestServer s;
    private TestServer.Session ada;
    private TestServer.Session admin;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        ada = s.signUp("ada@example.com");
        admin = s.admin();
        store("AAPL", "NASDAQ", BundledData.find("AAPL").orElseThrow().read().bars());
        List<Bar> spx2013 = BundledData.find("SPX").orElseThrow().read().bars().stream()
                .filter(b -> b.time().toString().startsWith("2013"))
                .map(b -> new Bar("IDX", b.time(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.closeOnly())).toList();
        store("IDX", "NYSE", spx2013);
    }

    private void store(String ticker, String exchange, List<Bar> bars) {
        ApiClient.Response listed = admin.client().post("/api/securities", "{\"ticker\":\"" + ticker + "\",\"name\":\"" + ticker
                + "\",\"securityType\":\"equity\",\"exchange\":\"" + exchange + "\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        Security security = new SecurityRepository(s.database.jdbi()).find(ticker, exchange).orElseThrow();
        new PriceHistoryRepository(s.database.jdbi()).store(security, Timeframe.D1, bars, false, "bundled");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void anIdeaIsWrittenAnalysedActivatedAndShowsItsLegsExecutions() {
        ApiClient.Response created = ada.client().post("/api/ideas", IDEA);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.json().get("legs")).hasSize(2);
        assertThat(created.json().at("/legs/0/symbol").asText()).isEqualTo("AAPL");
        assertThat(created.json().at("/legs/1/side").asText()).isEqualTo("SHORT");
        assertThat(created.json().at("/legs/0/execution").isNull()).isTrue();

        ApiClient.Response analysed = ada.client().post("/api/ideas/" + id + "/analyse", null);
        assertThat(analysed.status()).as(analysed.body()).isEqualTo(200);
        JsonNode analysis = analysed.json().get("analysis");
        BasketAnalyser.Analysis expected = BasketAnalyser.analyse(List.of(
                new BasketAnalyser.Leg("AAPL", true, new BigDecimal("60")), new BasketAnalyser.Leg("IDX", false, new BigDecimal("30"))),
                Map.of("AAPL", closes("AAPL", "NASDAQ"), "IDX", closes("IDX", "NYSE")));
        assertThat(new BigDecimal(analysis.at("/returnEstimates/1m").asText())).isEqualByComparingTo(expected.returnEstimates().get("1m"));
        assertThat(new BigDecimal(analysis.at("/returnEstimates/6m").asText())).isEqualByComparingTo(expected.returnEstimates().get("6m"));
        assertThat(analysis.at("/returnEstimates/3y").isNull()).isTrue(); // a year of history
        assertThat(new BigDecimal(analysis.get("volatility").asText())).isEqualByComparingTo(expected.volatility());
        assertThat(analysis.get("riskLevel").asText()).isEqualTo(expected.riskLevel().name());
        assertThat(analysis.get("recommendation").asText()).isEqualTo(expected.recommendation().name());
        assertThat(analysis.get("rationale").asText()).isEqualTo(expected.rationale()).contains("long AAPL 60%, short IDX 30%");
        assertThat(analysis.get("analyzer").asText()).isEqualTo(BasketAnalyser.NAME);
        JsonNode again = ada.client().post("/api/ideas/" + id + "/analyse", null).json().get("analysis");
        assertThat(again.get("returnEstimates")).isEqualTo(analysis.get("returnEstimates"));
        assertThat(again.get("rationale")).isEqualTo(analysis.get("rationale"));

        String account = ada.client().post("/api/accounts", "{\"name\":\"Ideas\",\"broker\":\"paper\",\"type\":\"MARGIN\","
                + "\"initialCash\":\"100000\"}").text("id");
        String activate = "{\"accountId\":\"" + account + "\",\"amount\":\"10000\"}";
        ApiClient.Response noPrice = ada.client().post("/api/ideas/" + id + "/activate", activate);
        assertThat(noPrice.status()).as(noPrice.body()).isEqualTo(422);
        assertThat(noPrice.body()).contains("legs[0].symbol").contains("legs[1].symbol");
        push("AAPL", "70.25");
        push("IDX", "1850.5");
        ApiClient.Response tooSmall = ada.client().post("/api/ideas/" + id + "/activate", "{\"accountId\":\"" + account
                + "\",\"amount\":\"5000\"}");
        assertThat(tooSmall.status()).as(tooSmall.body()).isEqualTo(422); // 30% of 5000 buys no IDX at 1850.5
        assertThat(tooSmall.body()).contains("amount");
        assertThat(ada.client().get("/api/accounts/" + account + "/orders").json().get("orders")).isEmpty();

        ApiClient.Response activated = ada.client().post("/api/ideas/" + id + "/activate", activate);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.text("status")).isEqualTo("ACTIVE");
        assertThat(activated.text("accountId")).isEqualTo(account);
        // 60% of 10000 = 6000 → floor(6000 / 70.25) = 85 AAPL; 30% = 3000 → floor(3000 / 1850.5) = 1 IDX
        assertThat(activated.json().at("/legs/0/execution/quantity").asText()).isIn("85", "0");
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get("/api/ideas/" + id).json().get("legs").findValues("orderStatus")
                .stream().allMatch(n -> n.asText().equals("FILLED")));
        push("AAPL", "72.25");
        push("IDX", "1800.5");
        JsonNode legs = ada.client().get("/api/ideas/" + id).json().get("legs");
        JsonNode apple = legs.get(0).get("execution");
        assertThat(apple.get("quantity").asText()).isEqualTo("85");
        assertThat(apple.get("entryPrice").asText()).isEqualTo("70.25");
        assertThat(apple.get("currentPrice").asText()).isEqualTo("72.25");
        assertThat(new BigDecimal(apple.get("marketValue").asText())).isEqualByComparingTo("6141.25");
        assertThat(new BigDecimal(apple.get("unrealizedPnl").asText())).isEqualByComparingTo("170");
        assertThat(legs.get(0).get("status").asText()).isEqualTo("open");
        JsonNode index = legs.get(1).get("execution");
        assertThat(index.get("quantity").asText()).isEqualTo("1");
        assertThat(new BigDecimal(index.get("marketValue").asText())).isEqualByComparingTo("-1800.5");
        assertThat(new BigDecimal(index.get("unrealizedPnl").asText())).isEqualByComparingTo("50");
        JsonNode orders = ada.client().get("/api/accounts/" + account + "/orders").json().get("orders");
        assertThat(orders).hasSize(2);

        assertThat(ada.client().post("/api/ideas/" + id + "/activate", activate).status()).isEqualTo(409);
        assertThat(ada.client().patch("/api/ideas/" + id, "{\"status\":\"DRAFT\"}").status()).isEqualTo(409);
        assertThat(ada.client().patch("/api/ideas/" + id, "{\"legs\":[{\"symbol\":\"AAPL\",\"side\":\"LONG\",\"allocationPercent\":\"5\"}]}")
                .status()).isEqualTo(409);
        ApiClient.Response closed = ada.client().patch("/api/ideas/" + id, "{\"status\":\"CLOSED\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("closedAt").isNull()).isFalse();
        assertThat(ada.client().patch("/api/ideas/" + id, "{\"status\":\"ARCHIVED\"}").text("status")).isEqualTo("ARCHIVED");
        assertThat(ada.client().get("/api/ideas?status=ARCHIVED").json().get("ideas")).hasSize(1);

        TestServer.Session bob = s.signUp("bob@example.com");
        assertThat(bob.client().get("/api/ideas/" + id).status()).isEqualTo(404);
        assertThat(bob.client().get("/api/ideas").json().get("ideas")).isEmpty();
        String bobIdea = bob.client().post("/api/ideas", IDEA).text("id");
        ApiClient.Response intoAdas = bob.client().post("/api/ideas/" + bobIdea + "/activate", activate);
        assertThat(intoAdas.status()).as("another user's account").isEqualTo(404);
        assertThat(bob.client().get("/api/ideas/" + bobIdea).text("status")).isEqualTo("DRAFT");
    }

    private List<BasketAnalyser.Close> closes(String ticker, String exchange) {
        Security security = new SecurityRepository(s.database.jdbi()).find(ticker, exchange).orElseThrow();
        List<BasketAnalyser.Close> closes = new ArrayList<>();
        for (Bar b : new PriceHistoryRepository(s.database.jdbi()).range(security, Timeframe.D1, null, null)) {
            closes.add(new BasketAnalyser.Close(b.time(), b.close().value()));
        }
        return closes;
    }

    private void push(String symbol, String price) {
        ApiClient.Response pushed = admin.client().post("/api/market/prices", "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    @Test
    void badIdeasAndIllegalMovesAreRefusedNamingTheField() {
        refused("{\"legs\":[{\"symbol\":\"AAPL\",\"side\":\"LONG\",\"allocationPercent\":\"10\"}]}", "title");
        refused("{\"title\":\"x\",\"legs\":[]}", "legs");
        refused("{\"title\":\"x\",\"legs\":[{\"symbol\":\"MSFT\",\"side\":\"LONG\",\"allocationPercent\":\"10\"}]}", "legs[0].symbol");
        refused("{\"title\":\"x\",\"legs\":[{\"symbol\":\"AAPL\",\"side\":\"UP\",\"allocationPercent\":\"10\"}]}", "legs[0].side");
        refused("{\"title\":\"x\",\"legs\":[{\"symbol\":\"AAPL\",\"side\":\"LONG\",\"allocationPercent\":\"0\"}]}",
                "legs[0].allocationPercent");
        refused("{\"title\":\"x\",\"legs\":[{\"symbol\":\"AAPL\",\"side\":\"LONG\",\"allocationPercent\":\"70\"},"
                + "{\"symbol\":\"IDX\",\"side\":\"SHORT\",\"allocationPercent\":\"40\"}]}", "legs");
        refused("{\"title\":\"x\",\"legs\":[{\"symbol\":\"AAPL\",\"side\":\"LONG\",\"allocationPercent\":\"10\"},"
                + "{\"symbol\":\"AAPL\",\"side\":\"SHORT\",\"allocationPercent\":\"10\"}]}", "legs[1].symbol");
        assertThat(ada.client().get("/api/ideas").json().get("ideas")).isEmpty();

        String id = ada.client().post("/api/ideas", IDEA).text("id");
        assertThat(ada.client().patch("/api/ideas/" + id, "{\"status\":\"CLOSED\"}").status()).isEqualTo(409);
        assertThat(ada.client().patch("/api/ideas/" + id, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(409);
        assertThat(ada.client().post("/api/ideas/" + id + "/activate", "{\"amount\":\"10\"}").status()).isEqualTo(422);
        String account = ada.client().post("/api/accounts", "{\"name\":\"A\",\"broker\":\"paper\",\"type\":\"CASH\","
                + "\"initialCash\":\"1000\"}").text("id");
        ApiClient.Response both = ada.client().post("/api/ideas/" + id + "/activate", "{\"accountId\":\"" + account
                + "\",\"amount\":\"10\",\"allocationPercent\":\"5\"}");
        assertThat(both.status()).as(both.body()).isEqualTo(422);
        assertThat(both.body()).contains("amount");
        assertThat(ada.client().post("/api/ideas/" + id + "/activate", "{\"accountId\":\"" + account + "\",\"allocationPercent\":\"150\"}")
                .body()).contains("allocationPercent");
        ApiClient.Response relegged = ada.client().patch("/api/ideas/" + id, "{\"title\":\"Apple alone\",\"legs\":[{\"symbol\":\"AAPL\","
                + "\"side\":\"LONG\",\"allocationPercent\":\"100\"}]}");
        assertThat(relegged.status()).as(relegged.body()).isEqualTo(200);
        assertThat(relegged.json().get("legs")).hasSize(1);
        assertThat(relegged.text("title")).isEqualTo("Apple alone");
        push("AAPL", "70.25");
        // 10% of the account's equity of 1000 = 100 → floor(100 / 70.25) = 1 AAPL
        ApiClient.Response byEquity = ada.client().post("/api/ideas/" + id + "/activate", "{\"accountId\":\"" + account
                + "\",\"allocationPercent\":\"10\"}");
        assertThat(byEquity.status()).as(byEquity.body()).isEqualTo(200);
        JsonNode order = ada.client().get("/api/accounts/" + account + "/orders").json().get("orders").get(0);
        assertThat(new BigDecimal(order.get("quantity").asText())).isEqualByComparingTo("1");
        assertThat(order.get("side").asText()).isEqualTo("BUY");
        assertThat(ada.client().delete("/api/ideas/" + id).status()).isEqualTo(204);
        assertThat(ada.client().get("/api/ideas/" + id).status()).isEqualTo(404);
        assertThat(ada.client().get("/api/ideas").json().get("ideas")).isEmpty();
        Integer kept = s.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM trade_ideas WHERE NOT is_active")
                .mapTo(Integer.class).one());
        assertThat(kept).isEqualTo(1);
    }

    private void refused(String body, String field) {
        ApiClient.Response r = ada.client().post("/api/ideas", body);
        assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(r.body()).contains(field);
    }

}
