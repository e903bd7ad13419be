package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.cli.TradebookCommand;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.marketdata.BundledData;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.NewSecurity;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backtests through the API: a run over the bundled S&P 500 bars stored in the database gives
 * exactly the JSON of {@code tradebook backtest --db-symbol} with the same options, with its
 * report; bad requests name the field and store nothing; a user's limit of unfinished runs holds;
 * a queued run can be cancelled; runs survive a restart; another user sees none of it.
 */
abstract class BacktestsContract {
    private static final String REQUEST = "{\"strategies\":[{\"strategy\":\"sma-cross\",\"parameters\":{\"fast\":\"10\",\"slow\":\"30\"}}],"
            + "\"symbols\":[\"SPX\"],\"timeframe\":\"1d\",\"from\":\"2015-01-02\",\"to\":\"2019-12-31\",\"cash\":\"100000\","
            + "\"commissionBps\":\"1\"}";
    private TestServer s;
    private TestServer.Session user;

    protected abstract Database newDatabase();

    @BeforeEach
    void start() {
        s = new TestServer(newDatabase());
        storeBundledSpx(s.database);
        user = s.signUp("quant@example.com");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    static Security storeBundledSpx(Database database) {
        BundledData.Series spx = BundledData.find("SPX").orElseThrow();
        Security security = new SecurityRepository(database.jdbi()).create(NewSecurity.of("SPX", "INDEX", SecurityType.INDEX,
                "S&P 500 index", Currency.USD));
        new PriceHistoryRepository(database.jdbi()).store(security, Timeframe.D1, spx.read().bars(), false, "bundled");
        return security;
    }

    private JsonNode awaitFinished(TestServer.Session who, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = who.client().get("/api/backtests/" + id).json();
            return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].get("status").asText());
        });
        return last[0];
    }

    @Test
    void aRunOverStoredBarsEqualsTheCliRunOfTheSameInput() {
        ApiClient.Response submitted = user.client().post("/api/backtests", REQUEST);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.text("status")).isIn("QUEUED", "RUNNING", "DONE");
        String id = submitted.text("id");

        JsonNode done = awaitFinished(user, id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("progress").asText()).isEqualTo("1");
        assertThat(done.at("/request/symbols/0").asText()).isEqualTo("SPX");

        ApiClient.Response result = user.client().get("/api/backtests/" + id + "/result");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).startsWith("application/json");
        assertThat(done.at("/summary/finalEquity").asText()).isEqualTo(result.json().get("finalEquity").asText());
        assertThat(done.at("/summary/metrics/sharpe").asText()).isEqualTo(result.json().at("/metrics/sharpe").asText());

        String cli = cli("backtest", "--strategy", "sma-cross:fast=10,slow=30", "--db-symbol", "SPX", "--timeframe", "1d",
                "--from", "2015-01-02", "--to", "2019-12-31", "--cash", "100000", "--commission-bps", "1", "--json", "-");
        assertThat(result.body().strip()).isEqualTo(cli.strip());
        assertThat(result.json().at("/run/bars").asInt()).isGreaterThan(1000);
        assertThat(result.json().get("trades").size()).isGreaterThan(0);

        ApiClient.Response report = user.client().get("/api/backtests/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/html");
        assertThat(report.body()).startsWith("<!DOCTYPE html>").contains("Backtest: sma-cross on SPX").contains("database SPX");

        JsonNode listed = user.client().get("/api/backtests").json().get("backtests");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(count("SELECT COUNT(*) FROM strategy_performance WHERE source = 'BACKTEST'")).isEqualTo(1);

        ApiClient.Response cancelDone = user.client().delete("/api/backtests/" + id);
        assertThat(cancelDone.status()).isEqualTo(409);

        s.restart();
        ApiClient.Response again = user.client().get("/api/backtests/" + id + "/result");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(result.body());

        TestServer.Session other = s.signUp("other@example.com");
        assertThat(other.client().get("/api/backtests/" + id).status()).isEqualTo(404);
        assertThat(other.client().get("/api/backtests/" + id + "/result").status()).isEqualTo(404);
        assertThat(other.client().get("/api/backtests").json().get("backtests").size()).isZero();
    }

    private String cli(String... args) {
        DatabaseConfig c = s.database.config();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", c.url(), "--db-user", c.user()));
        if (c.password() != null && !c.password().isEmpty()) {
            all.add("--db-password=" + c.password());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TradebookCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void badRequestsNameTheFieldAndStoreNothing() {
        assertRefused("{\"strategies\":[{\"strategy\":\"no-such\"}],\"symbols\":[\"SPX\"],\"cash\":\"1000\"}", "strategies[0].strategy");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\",\"parameters\":{\"fats\":\"3\"}}],\"symbols\":[\"SPX\"],"
                + "\"cash\":\"1000\"}", "strategies[0].parameters.fats");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\",\"parameters\":{\"fast\":\"-3\"}}],\"symbols\":[\"SPX\"],"
                + "\"cash\":\"1000\"}", "strategies[0].parameters");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\"}],\"symbols\":[\"MSFT\"],\"cash\":\"1000\"}", "symbols[0]");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\"}],\"symbols\":[\"SPX\"],\"timeframe\":\"1h\",\"cash\":\"1000\"}",
                "symbols[0]");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\"}],\"symbols\":[\"SPX\"],\"from\":\"2019-01-01\",\"to\":\"2018-01-01\","
                + "\"cash\":\"1000\"}", "from");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\"}],\"symbols\":[\"SPX\"],\"cash\":\"0\"}", "cash");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\"}],\"symbols\":[\"SPX\"]}", "cash");
        assertRefused("{\"strategies\":[],\"symbols\":[\"SPX\"],\"cash\":\"1\"}", "strategies");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\",\"allocation\":\"1.5\"}],\"symbols\":[\"SPX\"],\"cash\":\"1\"}",
                "strategies[0].allocation");
        assertRefused("{\"strategies\":[{\"strategy\":\"sma-cross\"}],\"symbols\":[\"SPX\"],\"from\":\"yesterday\",\"cash\":\"1\"}", "from");
        assertThat(user.client().get("/api/backtests").json().get("backtests").size()).isZero();
        assertThat(count("SELECT COUNT(*) FROM backtest_runs")).isZero();
    }

    private int count(String sql) {
        Integer n = s.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        return n;
    }

    private void assertRefused(String body, String field) {
        ApiClient.Response r = user.client().post("/api/backtests", body);
        assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(r.body()).contains(field);
    }

    @Test
    void aUserHasAtMostTwoUnfinishedRunsAndCanCancelThem() {
        // rows left queued by nothing (as a stopped pool would) count towards the limit
        var repository = new io.tradebook.store.BacktestRunRepository(s.database.jdbi());
        var userId = java.util.UUID.fromString(user.userId());
        String first = repository.create(userId, "{}", s.clock.instant()).id().toString();
        repository.create(userId, "{}", s.clock.instant());
        ApiClient.Response third = user.client().post("/api/backtests", REQUEST);
        assertThat(third.status()).as(third.body()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotNull();

        ApiClient.Response cancelled = user.client().delete("/api/backtests/" + first);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(user.client().get("/api/backtests/" + first + "/result").status()).isEqualTo(409);
        assertThat(user.client().get("/api/backtests/" + first + "/report").status()).isEqualTo(409);

        ApiClient.Response now = user.client().post("/api/backtests", REQUEST);
        assertThat(now.status()).as(now.body()).isEqualTo(202);
        assertThat(awaitFinished(user, now.text("id")).get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void runsAStoppedServerLeftUnfinishedAreMarkedFailedOnceTheirHeartbeatIsStale() {
        var repository = new io.tradebook.store.BacktestRunRepository(s.database.jdbi());
        String left = repository.create(java.util.UUID.fromString(user.userId()), "{}", s.clock.instant()).id().toString();
        s.restart();
        assertThat(user.client().get("/api/backtests/" + left).text("status")).as("another process may hold it").isEqualTo("QUEUED");
        s.clock.advance(io.tradebook.research.BacktestRuns.STALE.plusSeconds(1));
        user = s.signIn("quant@example.com", user.password());
        s.restart();
        JsonNode run = user.client().get("/api/backtests/" + left).json();
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("server stopped");
    }
}
