package io.tradebook.http;

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
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live strategies through a running server: the catalog, activations and their refusals, a
 * strategy that buys on replayed bars and on pushed prices with its fills and positions attributed
 * to it, pause, stop with and without closing positions, trading sessions with their figures, and
 * a restart that resumes an ACTIVE activation.
 */
abstract class LiveStrategiesContract {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private TestServer s;
    private TestServer.Session ada;
    private TestServer.Session admin;
    private String account;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        ada = s.signUp("ada@example.com");
        admin = s.admin();
        ApiClient.Response listed = admin.client().post("/api/securities",
                "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        Security aapl = new SecurityRepository(s.database.jdbi()).findByTicker("AAPL").get(0);
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2013-01-02T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            BigDecimal close = new BigDecimal(100 + i);
            bars.add(new Bar("AAPL", t.plus(Duration.ofDays(i)), price(close.subtract(BigDecimal.ONE)), price(close.add(BigDecimal.ONE)),
                    price(close.subtract(new BigDecimal("2"))), price(close), Quantity.of(new BigDecimal("1000000"))));
        }
        new PriceHistoryRepository(s.database.jdbi()).store(aapl, Timeframe.D1, bars, false, "test");
        ApiClient.Response opened = ada.client().post("/api/accounts",
                "{\"name\":\"Main\",\"broker\":\"paper\",\"type\":\"CASH\",\"initialCash\":\"100000\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        account = "/api/accounts/" + opened.text("id");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static Price price(BigDecimal value) {
        return Price.of(value, Currency.USD);
    }

    @Test
    void theCatalogListsStrategiesWithTheirParameters() {
        ApiClient.Response all = ada.client().get("/api/strategies");
        assertThat(all.status()).isEqualTo(200);
        JsonNode sma = null;
        for (JsonNode n : all.json().get("strategies")) {
            if (n.get("code").asText().equals("sma-cross")) {
                sma = n;
            }
        }
        assertThat(sma).isNotNull();
        assertThat(sma.get("minCapital").asText()).isEqualTo("1000");
        assertThat(sma.get("timeframe").asText()).isEqualTo("1d");
        JsonNode fast = sma.get("parameters").get(0);
        assertThat(fast.get("name").asText()).isEqualTo("fast");
        assertThat(fast.get("type").asText()).isEqualTo("integer");
        assertThat(fast.get("description").asText()).contains("fast");
        assertThat(fast.get("default").asText()).isEqualTo("10");
        assertThat(fast.get("min").asText()).isEqualTo("1");
        assertThat(ada.client().get("/api/strategies/rsi").json().get("code").asText()).isEqualTo("rsi");
        assertThat(ada.client().get("/api/strategies/no-such").status()).isEqualTo(404);
    }

    @Test
    void activationsAreRefusedNamingWhatIsWrongAndNothingChanges() {
        String path = account + "/strategies";
        assertRefused(ada.client().post(path, "{\"strategy\":\"no-such\",\"name\":\"x\",\"symbols\":[\"AAPL\"]}"), 422, "strategy");
        assertRefused(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"x\",\"symbols\":[\"AAPL\"],"
                + "\"parameters\":{\"fast\":\"0\"}}"), 422, "parameters.fast");
        assertRefused(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"x\",\"symbols\":[\"AAPL\"],"
                + "\"parameters\":{\"speed\":\"3\"}}"), 422, "parameters.speed");
        assertRefused(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"x\",\"symbols\":[\"AAPL\"],"
                + "\"allocation\":\"500\"}"), 422, "allocation");
        assertRefused(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"x\",\"symbols\":[\"AAPL\"],"
                + "\"allocation\":\"500000\"}"), 422, "allocation");
        assertRefused(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"x\"}"), 422, "symbols");
        assertRefused(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"x\",\"symbols\":[\"AAPL\"],\"timeframe\":\"7d\"}"),
                422, "timeframe");
        assertThat(ada.client().get(path).json().get("strategies")).hasSize(1); // the manual book only
        assertThat(ada.client().post(path, "{\"strategy\":\"sma-cross\",\"name\":\"trend\",\"symbols\":[\"AAPL\"]}").status()).isEqualTo(201);
        assertRefused(ada.client().post(path, "{\"strategy\":\"rsi\",\"name\":\"trend\",\"symbols\":[\"AAPL\"]}"), 409, "name");
        assertRefused(ada.client().post(path, "{\"strategy\":\"rsi\",\"name\":\"manual\",\"symbols\":[\"AAPL\"]}"), 409, "name");
    }

    private static void assertRefused(ApiClient.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aLiveStrategyBuysOnReplayedBarsAndItsFillsAreItsOwn() {
        JsonNode created = activate("{\"strategy\":\"buy-and-hold\",\"name\":\"holder\",\"symbols\":[\"AAPL\"],\"timeframe\":\"1d\","
                + "\"allocation\":\"10000\",\"parameters\":{\"allocation\":\"0.5\"}}");
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("allocation").asText()).isEqualTo("10000");
        assertThat(created.get("parameters").get("allocation").asText()).isEqualTo("0.5");
        assertThat(created.get("cash").asText()).isEqualTo("10000");
        replay("{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"100\"}");
        await().atMost(WAIT).until(() -> fills("holder").size() == 1);
        JsonNode fill = fills("holder").get(0);
        assertThat(fill.get("side").asText()).isEqualTo("BUY");
        assertThat(dec(fill.get("price"))).isEqualByComparingTo("100.0"); // the second bar's open (close 101 − 1), no slippage set
        JsonNode positions = ada.client().get(account + "/positions?strategy=holder").json().get("positions");
        assertThat(positions).hasSize(1);
        assertThat(dec(positions.get(0).get("quantity"))).isEqualByComparingTo("50"); // 0.5 × 10000 / 100
        assertThat(ada.client().get(account + "/positions?strategy=manual").json().get("positions")).isEmpty();
        await().atMost(WAIT).until(() -> admin.client().get("/api/market/replays").json().get("replays").get(0).get("status").asText()
                .equals("DONE"));

        JsonNode sessions = ada.client().get(account + "/sessions").json().get("sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(sessions.get(0).get("capitalAtStart").asText()).isEqualTo("10000");

        // stop without closing: the position stays; the session completes with its figures
        JsonNode stopped = ada.client().post(account + "/strategies/" + created.get("id").asText() + "/stop", "{}").json();
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(dec(ada.client().get(account + "/positions?strategy=holder").json().get("positions").get(0).get("quantity"))).isEqualByComparingTo("50");
        JsonNode session = ada.client().get(account + "/sessions").json().get("sessions").get(0);
        assertThat(session.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(session.get("tradesCount").asInt()).isEqualTo(1);
        // 5000 cash left less the fee, + 50 × the last close 119
        BigDecimal fee = dec(fill.get("fee"));
        assertThat(dec(session.get("capitalAtEnd"))).isEqualByComparingTo(new BigDecimal("10950").subtract(fee));
        assertThat(dec(session.get("pnl"))).isEqualByComparingTo(new BigDecimal("950").subtract(fee));
        assertThat(dec(session.get("maxDrawdown"))).isEqualByComparingTo("0");
        assertBooksClean();
        ApiClient.Response again = ada.client().post(account + "/strategies/" + created.get("id").asText() + "/start", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    @Test
    void aPausedStrategyPlacesNoOrdersUntilItIsStarted() {
        JsonNode created = activate("{\"strategy\":\"buy-and-hold\",\"name\":\"holder\",\"symbols\":[\"AAPL\"],\"start\":false,"
                + "\"parameters\":{\"allocation\":\"0.1\"}}");
        assertThat(created.get("status").asText()).isEqualTo("PAUSED");
        JsonNode first = replay("{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"200\",\"to\":\"2013-01-10T00:00:00Z\"}");
        await().atMost(WAIT).until(() -> admin.client().get("/api/market/replays/" + first.get("id").asText()).json().get("status")
                .asText().equals("DONE"));
        s.server.context().trading().strategies().drain();
        assertThat(orders("holder")).isEmpty();
        assertThat(ada.client().get(account + "/sessions").json().get("sessions")).isEmpty();

        JsonNode started = ada.client().post(account + "/strategies/" + created.get("id").asText() + "/start", "{}").json();
        assertThat(started.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ada.client().get(account + "/sessions").json().get("sessions")).hasSize(1);
        replay("{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"200\",\"from\":\"2013-01-10T00:00:00Z\"}");
        await().atMost(WAIT).until(() -> fills("holder").size() == 1);

        JsonNode paused = ada.client().post(account + "/strategies/" + created.get("id").asText() + "/pause", "{}").json();
        assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
    }

    @Test
    void pushedPricesMakeBarsOfTheTimeframeAndStopCanCloseThePositions() {
        JsonNode created = activate("{\"strategy\":\"buy-and-hold\",\"name\":\"minute\",\"symbols\":[\"AAPL\"],\"timeframe\":\"1m\","
                + "\"parameters\":{\"allocation\":\"0.01\"}}");
        push("100");
        s.server.context().trading().strategies().drain();
        assertThat(orders("minute")).isEmpty(); // the minute's bar is not complete yet
        s.clock.advance(Duration.ofSeconds(30));
        push("101");
        s.clock.advance(Duration.ofSeconds(45));
        push("102"); // a price of the next minute completes the first bar (close 101)
        await().atMost(WAIT).until(() -> fills("minute").size() == 1);
        JsonNode position = ada.client().get(account + "/positions?strategy=minute").json().get("positions").get(0);
        assertThat(dec(position.get("quantity"))).isEqualByComparingTo("9"); // 1% of 100000 / 101, whole units

        ApiClient.Response stopped = ada.client().post(account + "/strategies/" + created.get("id").asText() + "/stop",
                "{\"closePositions\":true}");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> fills("minute").size() == 2);
        assertThat(fills("minute").get(0).get("side").asText()).isEqualTo("SELL"); // newest first
        assertThat(dec(ada.client().get(account + "/positions?strategy=minute").json().get("positions").get(0).get("quantity")))
                .isEqualByComparingTo("0");
        assertThat(ada.client().get(account + "/sessions").json().get("sessions").get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertBooksClean();
    }

    @Test
    void allocationAndParametersChange() {
        JsonNode created = activate("{\"strategy\":\"sma-cross\",\"name\":\"trend\",\"symbols\":[\"AAPL\"],\"allocation\":\"5000\"}");
        String one = account + "/strategies/" + created.get("id").asText();
        JsonNode more = patch(one, "{\"allocation\":\"8000\"}");
        assertThat(more.get("allocation").asText()).isEqualTo("8000");
        assertThat(more.get("cash").asText()).isEqualTo("8000");
        JsonNode less = patch(one, "{\"allocation\":\"2000\",\"parameters\":{\"fast\":\"3\",\"slow\":\"7\"}}");
        assertThat(less.get("allocation").asText()).isEqualTo("2000");
        assertThat(less.get("parameters").get("fast").asText()).isEqualTo("3");
        assertThat(less.get("parameters").get("slow").asText()).isEqualTo("7");
        assertThat(dec(ada.client().get(account).json().get("cash"))).isEqualByComparingTo("100000"); // budgets are still the account's cash
        assertRefused(ada.client().patch(one, "{\"parameters\":{\"fast\":\"9\"}}"), 422, "parameters"); // fast not below slow 7
        assertRefused(ada.client().patch(one, "{\"allocation\":\"500\"}"), 422, "allocation"); // below the minimum capital
        assertRefused(ada.client().patch(one, "{\"allocation\":\"200000\"}"), 422, "allocation");
        JsonNode unchanged = ada.client().get(one).json();
        assertThat(unchanged.get("allocation").asText()).isEqualTo("2000");
        assertThat(unchanged.get("parameters").get("fast").asText()).isEqualTo("3");
        assertBooksClean();
    }

    private void assertBooksClean() {
        ApiClient.Response verified = ada.client().get(account + "/verification");
        assertThat(verified.json().get("clean").asBoolean()).as(verified.body()).isTrue();
    }

    private JsonNode patch(String path, String body) {
        ApiClient.Response r = ada.client().patch(path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void sessionsOpenAndCloseByHandWithTheirFigures() {
        ApiClient.Response opened = ada.client().post(account + "/sessions", "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("capitalAtStart").asText()).isEqualTo("100000");
        assertThat(opened.json().get("activationId").isNull()).isTrue();
        String id = opened.text("id");
        s.clock.advance(Duration.ofMinutes(5));
        JsonNode closed = ada.client().post(account + "/sessions/" + id + "/close", "{}").json();
        assertThat(closed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(closed.get("capitalAtEnd").asText()).isEqualTo("100000");
        assertThat(closed.get("pnl").asText()).isEqualTo("0");
        assertThat(closed.get("tradesCount").asInt()).isZero();
        assertThat(ada.client().post(account + "/sessions/" + id + "/close", "{}").status()).isEqualTo(409);
        assertRefused(ada.client().post(account + "/sessions", "{\"activationId\":\"" + java.util.UUID.randomUUID() + "\"}"), 422,
                "activationId");
    }

    @Test
    void replaysNeedTheMarketDataScopeAndStoredBars() {
        assertThat(ada.client().post("/api/market/replays", "{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"1\"}").status())
                .isEqualTo(403);
        assertRefused(admin.client().post("/api/market/replays", "{\"symbol\":\"AAPL\",\"timeframe\":\"1h\",\"speed\":\"1\"}"), 422, "symbol");
        assertRefused(admin.client().post("/api/market/replays", "{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"0\"}"), 422, "speed");
        JsonNode slow = replay("{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"0.01\"}");
        assertThat(admin.client().delete("/api/market/replays/" + slow.get("id").asText()).status()).isEqualTo(204);
        assertThat(admin.client().get("/api/market/replays/" + slow.get("id").asText()).json().get("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(admin.client().delete("/api/market/replays/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aRestartedServerResumesActiveStrategies() {
        activate("{\"strategy\":\"buy-and-hold\",\"name\":\"holder\",\"symbols\":[\"AAPL\"],\"parameters\":{\"allocation\":\"0.1\"}}");
        s.restart();
        replay("{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"100\"}");
        await().atMost(WAIT).until(() -> fills("holder").size() == 1);
        assertThat(ada.client().get(account + "/sessions").json().get("sessions")).hasSize(1);
    }

    @Test
    void aRestartedServerCarriesOnWithARunningReplay() {
        JsonNode replay = replay("{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"5\"}");
        String one = "/api/market/replays/" + replay.get("id").asText();
        await().atMost(WAIT).until(() -> admin.client().get(one).json().get("barsReplayed").asLong() >= 2);
        s.restart();
        long before = admin.client().get(one).json().get("barsReplayed").asLong();
        assertThat(admin.client().get(one).json().get("status").asText()).isEqualTo("RUNNING");
        await().atMost(WAIT).until(() -> admin.client().get(one).json().get("status").asText().equals("DONE"));
        JsonNode done = admin.client().get(one).json();
        assertThat(done.get("barsReplayed").asLong()).isEqualTo(20).isGreaterThan(before);
        assertThat(done.get("replayedUntil").asText()).isEqualTo("2013-01-21T00:00:00Z");
    }

    private JsonNode activate(String body) {
        ApiClient.Response r = ada.client().post(account + "/strategies", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode replay(String body) {
        ApiClient.Response r = admin.client().post("/api/market/replays", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private void push(String price) {
        ApiClient.Response r = admin.client().post("/api/market/prices", "{\"symbol\":\"AAPL\",\"price\":\"" + price + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private List<JsonNode> fills(String strategy) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : ada.client().get(account + "/fills").json().get("fills")) {
            if (f.get("strategy").asText().equals(strategy)) {
                out.add(f);
            }
        }
        return out;
    }

    private List<JsonNode> orders(String strategy) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : ada.client().get(account + "/orders").json().get("orders")) {
            if (o.get("strategy").asText().equals(strategy)) {
                out.add(o);
            }
        }
        return out;
    }
}
