package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.access.Scope;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.research.BacktestRequest;
import io.tradebook.research.BacktestRuns;
import io.tradebook.security.Refusal;
import io.tradebook.store.BacktestRunRepository.RunRow;
import io.tradebook.store.BacktestRunRepository.Status;
import io.tradebook.store.Owned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Backtests through the API ({@code /api/backtests}): submit a run over the database's stored bars
 * (202, it runs in the background on a bounded pool), follow its status and progress, read its
 * result (the JSON of {@code tradebook backtest --json}) and its self-contained HTML report, list
 * and cancel. Runs, results and reports are kept in the database. See docs/api.md and
 * docs/backtesting.md.
 */
final class BacktestRoutes implements RouteModule {
    private static final String TAG = "Backtests";
    private static final String PATH = "/api/backtests";
    private static final String ONE = PATH + "/{backtestId}";
    private static final String RUN = "The backtest run's id";

    /** A run as listed and shown. Immutable. */
    record BacktestView(UUID id, Status status,
                        @JsonPropertyDescription("How far the run has come, 0 to 1") BigDecimal progress,
                        @JsonPropertyDescription("The request as accepted") JsonNode request,
                        @JsonPropertyDescription("Once DONE: finalEquity and the whole run's metrics") JsonNode summary,
                        @JsonPropertyDescription("Why a FAILED run failed") String error,
                        Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** The caller's runs, newest first. Immutable. */
    record BacktestList(List<BacktestView> backtests) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        BacktestRuns runs = BacktestRuns.start(context.database(), StrategyCatalog.builtIn(), context.clock());
        routes.closeOnStop(runs);
        ObjectMapper json = context.json();
        routes.add(Route.post(PATH).tag(TAG).summary("Submit a backtest over stored bars (runs in the background)")
                .access(Access.scope(Scope.TRADE)).body(BacktestRequest.class)
                .responds(202, BacktestView.class, "Accepted: QUEUED; follow it with GET " + ONE)
                .fails(429, "You have too many backtests queued or running, or the server's queue is full")
                .handle(call -> {
                    BacktestRequest request = call.body(BacktestRequest.class);
                    String asked;
                    try {
                        asked = json.writeValueAsString(request);
                    } catch (JsonProcessingException e) {
                        throw Problems.malformed("the request cannot be stored: " + e.getOriginalMessage());
                    }
                    return Reply.accepted(view(json, call.unwrap(runs.submit(call.userId(), request, asked))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("Your backtests, newest first").access(Access.scope(Scope.READ))
                .query("limit", Integer.class, false, "How many at most, 1…500 (default 100)")
                .responds(200, BacktestList.class, "Newest first")
                .handle(call -> Reply.ok(new BacktestList(runs.list(call.userId(), call.queryInt("limit", 1, Paging.MAX_LIMIT,
                        Paging.DEFAULT_LIMIT)).stream().map(r -> view(json, r)).toList()))));
        routes.add(Route.get(ONE).tag(TAG).summary("A backtest's status and progress (and headline figures once done)")
                .access(Access.scope(Scope.READ)).owned("backtestId", Owned.BACKTEST_RUN, RUN)
                .responds(200, BacktestView.class, "The run")
                .handle(call -> Reply.ok(view(json, find(runs, call.id("backtestId"))))));
        routes.add(Route.get(ONE + "/result").tag(TAG).summary("A finished backtest's result, as tradebook backtest --json writes it")
                .access(Access.scope(Scope.READ)).owned("backtestId", Owned.BACKTEST_RUN, RUN)
                .responds(200, Object.class, "application/json", "run, finalEquity, metrics, strategies, orders, fills, trades, "
                        + "equityCurve (schema in docs/backtesting.md)")
                .fails(409, "The run is not DONE")
                .handle(call -> Reply.text(200, runs.result(call.id("backtestId")).orElseThrow(() -> notDone(runs,
                        call.id("backtestId"))), "application/json")));
        routes.add(Route.get(ONE + "/report").tag(TAG).summary("A finished backtest's self-contained HTML report")
                .access(Access.scope(Scope.READ)).owned("backtestId", Owned.BACKTEST_RUN, RUN)
                .responds(200, String.class, "text/html; charset=utf-8", "The report, as tradebook backtest --report writes it")
                .fails(409, "The run is not DONE")
                .handle(call -> Reply.text(200, runs.report(call.id("backtestId")).orElseThrow(() -> notDone(runs,
                        call.id("backtestId"))), "text/html; charset=utf-8")));
        routes.add(Route.delete(ONE).tag(TAG).summary("Cancel a queued or running backtest")
                .access(Access.scope(Scope.TRADE)).owned("backtestId", Owned.BACKTEST_RUN, RUN)
                .responds(200, BacktestView.class, "The run, CANCELLED (a running one stops at its next progress report)")
                .fails(409, "The run has finished")
                .handle(call -> Reply.ok(view(json, call.unwrap(runs.cancel(call.id("backtestId")))))));
    }

    private static RunRow find(BacktestRuns runs, UUID id) {
        return runs.find(id).orElseThrow(() -> Problems.notFound("no backtest run " + id));
    }

    private static ProblemException notDone(BacktestRuns runs, UUID id) {
        RunRow row = find(runs, id);
        return Problems.of(Refusal.conflict("status", "the run is " + row.status() + (row.status() == Status.FAILED ? ": "
                + row.error() : "") + "; a result is there once it is DONE"));
    }

    static BacktestView view(ObjectMapper json, RunRow r) {
        return new BacktestView(r.id(), r.status(), Plain.of(r.progress()), tree(json, r.request()), tree(json, r.summary()), r.error(),
                r.createdAt(), r.startedAt(), r.finishedAt());
    }

    private static JsonNode tree(ObjectMapper json, String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read back", e);
        }
    }
}
