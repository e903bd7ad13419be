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
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.TestDatabases;
import io.tradebook.trading.LiveStrategies;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live strategies and replays with two server processes on one PostgreSQL database (two
 * {@link TradebookServer}s in this JVM, nodes "main" and "second"): each activation and each replay
 * runs in exactly one node, whichever server a client asks; a restart resumes only the node's own;
 * a change made through the other server reaches the node that runs it; a stopped node's strategy
 * changed elsewhere is taken over.
 */
class PostgresSeveralServersLiveTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestServer a;
    private TestServer b;
    private TestServer.Session ada;
    private ApiClient onA;
    private ApiClient onB;
    private String account;

    @BeforeEach
    void start() {
        a = new TestServer(TestDatabases.postgres());
        b = secondServer();
        ada = a.signUp("ada@example.com");
        onA = ada.client();
        onB = new ApiClient(b.server.uri()).bearer(ada.accessToken());
        ApiClient.Response listed = a.admin().client().post("/api/securities",
                "{\"ticker\":\"AAPL\",\"name\":\"Apple Inc.\",\"securityType\":\"equity\",\"exchange\":\"NASDAQ\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2013-01-02T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            Price close = Price.of(new BigDecimal(100 + i), Currency.USD);
            bars.add(new Bar("AAPL", t.plus(Duration.ofDays(i)), close, close, close, close, Quantity.of(new BigDecimal("1000000"))));
        }
        new PriceHistoryRepository(a.database.jdbi()).store(new SecurityRepository(a.database.jdbi()).findByTicker("AAPL").get(0),
                Timeframe.D1, bars, false, "test");
        ApiClient.Response opened = onA.post("/api/accounts", "{\"name\":\"Main\",\"type\":\"CASH\",\"initialCash\":\"100000\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        account = "/api/accounts/" + opened.text("id");
    }

    private TestServer secondServer() {
        return TestServer.alongside(a, Database.open(a.database.config()), c -> c);
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
    void aStrategyRunsInTheNodeThatCreatedItAndFollowsChangesMadeThroughTheOther() {
        UUID id = activate(onA, "{\"strategy\":\"buy-and-hold\",\"name\":\"holder\",\"symbols\":[\"AAPL\"],\"timeframe\":\"1m\","
                + "\"start\":false,\"parameters\":{\"allocation\":\"0.01\"}}");
        assertThat(strategies(a).runningHere()).containsExactly(id); // paused: warmed up, placing nothing
        assertThat(strategies(b).runningHere()).isEmpty();

        // started through the other server: the node that runs it hears of it; the other runs nothing
        ApiClient.Response started = onB.post(account + "/strategies/" + id + "/start", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("ACTIVE");
        await().atMost(WAIT).until(() -> strategies(a).runningHere().contains(id) && activeRunner(a, id));
        assertThat(strategies(b).runningHere()).isEmpty();

        // prices pushed to main reach both processes; only main's runner makes a bar of them and buys, once
        pushMinuteBar();
        await().atMost(WAIT).until(() -> strategyOrders("holder") == 1);
        strategies(a).drain();
        strategies(b).drain();
        assertThat(strategyOrders("holder")).isEqualTo(1);

        // a restart of the other node resumes nothing of main's
        b.close();
        b = secondServer();
        onB = new ApiClient(b.server.uri()).bearer(ada.accessToken());
        assertThat(strategies(b).runningHere()).isEmpty();
        assertThat(strategies(a).runningHere()).containsExactly(id);

        // stopped through the other server: main's runner goes
        ApiClient.Response stopped = onB.post(account + "/strategies/" + id + "/stop", "{}");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> strategies(a).runningHere().isEmpty());
    }

    @Test
    void aStoppedNodesStrategyIsTakenOverWhenChangedThroughARunningOne() {
        UUID id = activate(onB, "{\"strategy\":\"buy-and-hold\",\"name\":\"holder\",\"symbols\":[\"AAPL\"],\"timeframe\":\"1m\","
                + "\"parameters\":{\"allocation\":\"0.01\"}}");
        assertThat(strategies(b).runningHere()).containsExactly(id);
        assertThat(strategies(a).runningHere()).isEmpty();
        b.close();
        b = null;

        // node second is gone: main does not run its strategy of its own accord ...
        assertThat(strategies(a).runningHere()).isEmpty();
        // ... but a change made through main, while second is not running, makes main run it
        ApiClient.Response paused = onA.post(account + "/strategies/" + id + "/pause", "{}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(strategies(a).runningHere()).containsExactly(id);
        assertThat(runner(id)).isEqualTo("main");

        // second starts again: it is main's now, and second leaves it alone
        b = secondServer();
        assertThat(strategies(b).runningHere()).isEmpty();
        assertThat(strategies(a).runningHere()).containsExactly(id);
    }

    @Test
    void aReplayRunsInOneNodeAndIsCancelledThroughEither() {
        ApiClient admin = a.admin().client();
        ApiClient.Response created = admin.post("/api/market/replays", "{\"symbol\":\"AAPL\",\"timeframe\":\"1d\",\"speed\":\"0.5\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID replay = UUID.fromString(created.text("id"));
        assertThat(strategies(a).replayingHere()).containsExactly(replay);

        b.close();
        b = secondServer();
        assertThat(strategies(b).replayingHere()).as("a restart resumes only its own node's replays").isEmpty();

        ApiClient adminOnB = new ApiClient(b.server.uri()).bearer(b.admin().accessToken());
        assertThat(adminOnB.delete("/api/market/replays/" + replay).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> strategies(a).replayingHere().isEmpty());
        assertThat(admin.get("/api/market/replays/" + replay).json().get("status").asText()).isEqualTo("CANCELLED");
    }

    private static LiveStrategies strategies(TestServer server) {
        return server.server.context().trading().strategies();
    }

    private static boolean activeRunner(TestServer server, UUID id) {
        return server.database.jdbi().withHandle(h -> h.createQuery("SELECT status FROM strategy_activations WHERE id = :id")
                .bind("id", id).mapTo(String.class).one()).equals("ACTIVE");
    }

    private String runner(UUID id) {
        return a.database.jdbi().withHandle(h -> h.createQuery("SELECT node FROM activation_runners WHERE activation_id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private UUID activate(ApiClient client, String body) {
        ApiClient.Response r = client.post(account + "/strategies", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    /** Prices of one minute and then of the next, which completes the first minute's bar. */
    private void pushMinuteBar() {
        ApiClient admin = a.admin().client();
        for (String price : List.of("100", "101")) {
            ApiClient.Response r = admin.post("/api/market/prices", "{\"symbol\":\"AAPL\",\"price\":\"" + price + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            a.clock.advance(Duration.ofSeconds(40));
            b.clock.advance(Duration.ofSeconds(40));
        }
        ApiClient.Response r = admin.post("/api/market/prices", "{\"symbol\":\"AAPL\",\"price\":\"102\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private int strategyOrders(String strategy) {
        return a.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM orders o JOIN strategy_activations s "
                + "ON s.id = o.strategy_activation_id WHERE s.name = :name").bind("name", strategy).mapTo(Integer.class).one());
    }
}
