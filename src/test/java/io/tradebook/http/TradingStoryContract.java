package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.store.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole trading story through a running server: sign up, open a paper account, an administrator
 * lists a security and pushes prices, market and limit orders fill with fees, two strategies hold
 * the same symbol (one up, one down), cancel and replace, a risk rule refuses an order with a risk
 * event and a RISK_ALERT, idempotent client order ids, the journal, verify-books clean, and the
 * live events the owner's clients saw. Then a restart: rules, prices and working orders come back.
 */
abstract class TradingStoryContract {
    private TestServer s;
    private TestServer.Session ada;
    private TestServer.Session admin;
    private final List<LiveEvent> adaSaw = new CopyOnWriteArrayList<>();
    private final List<LiveEvent> bobSaw = new CopyOnWriteArrayList<>();

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        ada = s.signUp("ada@example.com");
        admin = s.admin();
        LiveEvents live = s.server.context().liveEvents();
        live.subscribe(UUID.fromString(ada.userId()), adaSaw::add);
        live.subscribe(UUID.randomUUID(), bobSaw::add);
        ApiClient.Response listed = admin.client().post("/api/securities",
                "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void aPaperAccountTradesThroughTheWholeOrderPath() {
        ApiClient.Response opened = ada.client().post("/api/accounts",
                "{\"name\":\"Main\",\"broker\":\"paper\",\"type\":\"MARGIN\",\"initialCash\":\"100000\",\"strategies\":[\"alpha\",\"beta\"]}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode account = opened.json();
        String orders = "/api/accounts/" + account.get("id").asText() + "/orders";
        String base = "/api/accounts/" + account.get("id").asText();
        assertThat(dec(account, "cash")).isEqualByComparingTo("100000");
        assertThat(dec(account, "equity")).isEqualByComparingTo("100000");
        assertThat(dec(account, "netDeposits")).isEqualByComparingTo("100000");
        assertThat(dec(account, "totalReturn")).isEqualByComparingTo("0");
        assertThat(dec(account, "dayStartEquity")).isEqualByComparingTo("100000");
        assertThat(account.get("broker").asText()).isEqualTo("paper");
        assertThat(names(account.get("strategies"))).containsExactly("alpha", "beta", "manual");

        // no price yet: a well-formed market order is a stored REJECTED order, not an error
        ApiClient.Response noPrice = ada.client().post(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"1\"}");
        assertThat(noPrice.status()).as(noPrice.body()).isEqualTo(201);
        assertThat(noPrice.text("status")).isEqualTo("REJECTED");
        assertThat(noPrice.text("rejectReason")).isEqualTo("NO_MARKET_PRICE");

        push("AAPL", "100");
        JsonNode alphaBuy = submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"10\",\"strategy\":\"alpha\"}");
        assertThat(alphaBuy.get("status").asText()).isEqualTo("FILLED");
        assertThat(dec(alphaBuy, "averageFillPrice")).isEqualByComparingTo("100");
        push("AAPL", "110");
        JsonNode betaBuy = submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"10\",\"strategy\":\"beta\"}");
        assertThat(betaBuy.get("status").asText()).isEqualTo("FILLED");
        push("AAPL", "105");

        JsonNode fills = ada.client().get(base + "/fills").json().get("fills");
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).get("strategy").asText()).isEqualTo("beta");
        assertThat(dec(fills.get(0), "fee")).as("1 bp of 1,100").isEqualByComparingTo("0.11");
        assertThat(dec(fills.get(1), "fee")).isEqualByComparingTo("0.1");
        assertThat(fills.get(1).get("orderId").asText()).isEqualTo(alphaBuy.get("id").asText());
        assertThat(dec(fills.get(1), "totalCost")).isEqualByComparingTo("1000.1");
        assertThat(ada.client().get(base + "/fills?strategy=alpha").json().get("fills")).hasSize(1);

        JsonNode positions = ada.client().get(base + "/positions").json().get("positions");
        JsonNode alpha = line(positions, "alpha");
        JsonNode beta = line(positions, "beta");
        assertThat(alpha.get("side").asText()).isEqualTo("LONG");
        assertThat(dec(alpha, "averagePrice")).isEqualByComparingTo("100");
        assertThat(dec(alpha, "marketValue")).isEqualByComparingTo("1050");
        assertThat(dec(alpha, "unrealizedPnl")).as("strategy alpha is up").isEqualByComparingTo("50");
        assertThat(dec(alpha, "realizedPnl")).as("its fee").isEqualByComparingTo("-0.1");
        assertThat(dec(beta, "unrealizedPnl")).as("strategy beta is down").isEqualByComparingTo("-50");
        JsonNode onlyAlpha = ada.client().get(base + "/positions?strategy=alpha").json().get("positions");
        assertThat(onlyAlpha).hasSize(1);
        JsonNode aggregated = ada.client().get(base + "/positions/aggregated").json().get("positions");
        assertThat(aggregated).hasSize(1);
        assertThat(aggregated.get(0).get("side").asText()).isEqualTo("LONG");
        assertThat(dec(aggregated.get(0), "quantity")).isEqualByComparingTo("20");
        assertThat(dec(aggregated.get(0), "averagePrice")).isEqualByComparingTo("105");
        assertThat(dec(aggregated.get(0), "unrealizedPnl")).isEqualByComparingTo("0");
        assertThat(dec(aggregated.get(0), "realizedPnl")).isEqualByComparingTo("-0.21");
        assertThat(names(aggregated.get(0).get("strategies"))).containsExactlyInAnyOrder("alpha", "beta");

        // a limit order rests, and fills later when an administrator moves the price
        JsonNode limit = submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"5\",\"limitPrice\":\"100\","
                + "\"timeInForce\":\"GTC\"}");
        assertThat(limit.get("status").asText()).isEqualTo("PLACED");
        assertThat(limit.get("strategy").asText()).isEqualTo("manual");
        assertThat(dec(limit, "reservedCash")).isPositive();
        push("AAPL", "99");
        String limitPath = orders + "/" + limit.get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get(limitPath).text("status").equals("FILLED"));
        JsonNode filled = ada.client().get(limitPath).json();
        assertThat(dec(filled, "averageFillPrice")).isEqualByComparingTo("99");
        assertThat(statuses(filled.get("events"))).containsExactly("PENDING", "PLACED", "PLACED", "FILLED");

        // cancel, and cancel again
        JsonNode resting = submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"5\",\"limitPrice\":\"90\"}");
        String restingPath = orders + "/" + resting.get("id").asText();
        ApiClient.Response cancelled = ada.client().delete(restingPath);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(dec(cancelled.json(), "reservedCash")).isZero();
        ApiClient.Response again = ada.client().delete(restingPath);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        // replace: new terms that rest, then a limit the market reaches at once
        JsonNode toReplace = submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"5\",\"limitPrice\":\"90\"}");
        String replacePath = orders + "/" + toReplace.get("id").asText();
        ApiClient.Response replaced = ada.client().patch(replacePath, "{\"quantity\":\"7\",\"limitPrice\":\"95\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(dec(replaced.json(), "quantity")).isEqualByComparingTo("7");
        assertThat(dec(replaced.json(), "limitPrice")).isEqualByComparingTo("95");
        assertThat(replaced.text("status")).isEqualTo("PLACED");
        ApiClient.Response marketable = ada.client().patch(replacePath, "{\"limitPrice\":\"100\"}");
        assertThat(marketable.status()).as(marketable.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get(replacePath).text("status").equals("FILLED"));
        assertThat(ada.client().patch(replacePath, "{\"limitPrice\":\"101\"}").status()).isEqualTo(409);

        // a risk rule refuses an order: a stored REJECTED order, a risk event, a RISK_ALERT
        ApiClient.Response rule = ada.client().post(base + "/risk-rules", "{\"type\":\"MAX_POSITION_SIZE\",\"value\":\"35\"}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(rule.text("unit")).isEqualTo("QUANTITY");
        String rulePath = base + "/risk-rules/" + rule.text("id");
        JsonNode denied = submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"10\"}");
        assertThat(denied.get("status").asText()).isEqualTo("REJECTED");
        assertThat(denied.get("rejectReason").asText()).isEqualTo("RISK_RULE");
        assertThat(denied.get("message").asText()).contains("MAX_POSITION_SIZE").contains("42");
        JsonNode ruleNow = ada.client().get(rulePath).json();
        assertThat(ruleNow.get("violated").asBoolean()).isTrue();
        assertThat(dec(ruleNow, "currentValue")).isEqualByComparingTo("42");
        JsonNode events = ada.client().get(base + "/risk-events").json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("orderId").asText()).isEqualTo(denied.get("id").asText());
        assertThat(dec(events.get(0), "observedValue")).isEqualByComparingTo("42");
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get("/api/notifications?type=RISK_ALERT").json()
                .get("notifications").size() == 1);
        JsonNode alerts = ada.client().get("/api/notifications?type=RISK_ALERT").json().get("notifications");
        assertThat(alerts.get(0).at("/data/orderId").asText()).isEqualTo(denied.get("id").asText());
        ApiClient.Response loosened = ada.client().patch(rulePath, "{\"value\":\"100\"}");
        assertThat(loosened.status()).as(loosened.body()).isEqualTo(200);
        assertThat(submit(orders, "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"10\"}").get("status").asText())
                .as("the changed rule applies to the next order").isEqualTo("FILLED");
        assertThat(ada.client().delete(rulePath).status()).isEqualTo(204);
        assertThat(ada.client().get(base + "/risk-rules").json().get("rules")).isEmpty();

        // the same client order id twice: the first order, once
        ApiClient.Response first = ada.client().post(orders, "{\"symbol\":\"AAPL\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"2\","
                + "\"clientOrderId\":\"ada-1\"}");
        ApiClient.Response repeated = ada.client().post(orders, "{\"symbol\":\"AAPL\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"3\","
                + "\"clientOrderId\":\"ada-1\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.text("id")).isEqualTo(first.text("id"));
        assertThat(dec(repeated.json(), "quantity")).isEqualByComparingTo("2");
        long withClientId = stream(ada.client().get(orders + "?limit=500").json().get("orders"))
                .filter(o -> "ada-1".equals(o.path("clientOrderId").asText(null))).count();
        assertThat(withClientId).isEqualTo(1);

        // the account adds up at the latest price, and its books verify clean
        JsonNode now = ada.client().get(base).json();
        assertThat(dec(now, "equity")).isEqualByComparingTo(dec(now, "cash").add(dec(now, "marketValue")));
        assertThat(dec(now, "totalPnl")).isEqualByComparingTo(dec(now, "equity").subtract(dec(now, "netDeposits")));
        BigDecimal unrealized = stream(ada.client().get(base + "/positions").json().get("positions"))
                .map(p -> dec(p, "unrealizedPnl")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(dec(now, "unrealizedPnl")).isEqualByComparingTo(unrealized);
        assertThat(dec(now, "dayPnl")).isEqualByComparingTo(dec(now, "totalPnl"));
        JsonNode verification = ada.client().get(base + "/verification").json();
        assertThat(verification.get("clean").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("differences")).isEmpty();

        // the journal pages through every entry, newest first, each balanced
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ada.client().get(base + "/journal?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("entries").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(entries).hasSize(1 + 6);
        assertThat(entries.get(entries.size() - 1).get("type").asText()).isEqualTo("DEPOSIT");
        for (JsonNode e : entries) {
            assertThat(stream(e.get("postings")).map(p -> dec(p, "amount")).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
        }

        // what the owner's live clients saw; another user saw only the prices
        await().atMost(Duration.ofSeconds(5)).until(() -> types(adaSaw).containsAll(List.of("order", "fill", "position", "price",
                "notification")));
        assertThat(adaSaw).filteredOn(e -> e.type().equals("fill")).hasSize(6);
        assertThat(types(bobSaw)).containsOnly("price");
    }

    @Test
    void rulesPricesAndWorkingOrdersSurviveARestart() {
        String base = "/api/accounts/" + ada.client().post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"10000\"}")
                .text("id");
        push("AAPL", "50");
        ApiClient.Response rule = ada.client().post(base + "/risk-rules", "{\"type\":\"MAX_ORDERS_PER_DAY\",\"value\":\"5\"}");
        assertThat(rule.status()).isEqualTo(201);
        ApiClient.Response tight = ada.client().post(base + "/risk-rules", "{\"type\":\"MAX_POSITION_SIZE\",\"unit\":\"NOTIONAL\",\"value\":\"2000\"}");
        assertThat(tight.status()).as(tight.body()).isEqualTo(201);
        JsonNode working = submit(base + "/orders", "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"10\","
                + "\"limitPrice\":\"45\",\"timeInForce\":\"GTC\"}");
        assertThat(working.get("status").asText()).isEqualTo("PLACED");

        s.restart();

        assertThat(ada.client().get("/api/market/prices/AAPL").text("price")).isEqualTo("50");
        assertThat(ada.client().get(base + "/risk-rules").json().get("rules")).hasSize(2);
        JsonNode tooBig = submit(base + "/orders", "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"50\"}");
        assertThat(tooBig.get("rejectReason").asText()).as("the notional rule came back").isEqualTo("RISK_RULE");
        push("AAPL", "44");
        String path = base + "/orders/" + working.get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> ada.client().get(path).text("status").equals("FILLED"));
        assertThat(dec(ada.client().get(path).json(), "averageFillPrice")).isEqualByComparingTo("44");
        assertThat(ada.client().get(base + "/verification").json().get("clean").asBoolean()).isTrue();
    }

    private void push(String symbol, String price) {
        ApiClient.Response pushed = admin.client().post("/api/market/prices", "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    private JsonNode submit(String path, String body) {
        ApiClient.Response r = ada.client().post(path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static BigDecimal dec(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as(field + " in " + node).isNotNull();
        assertThat(value.isTextual()).as(field + " is a string").isTrue();
        return new BigDecimal(value.asText());
    }

    private static JsonNode line(JsonNode positions, String strategy) {
        return stream(positions).filter(p -> p.get("strategy").asText().equals(strategy)).findFirst().orElseThrow();
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.isTextual() ? n.asText() : n.get("name").asText()));
        return names;
    }

    private static List<String> statuses(JsonNode events) {
        List<String> to = new ArrayList<>();
        events.forEach(e -> to.add(e.get("to").asText()));
        return to;
    }

    private static List<String> types(List<LiveEvent> events) {
        return events.stream().map(LiveEvent::type).distinct().toList();
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.stream();
    }
}
