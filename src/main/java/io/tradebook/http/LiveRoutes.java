package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.store.LiveStrategyStore.Replay;
import io.tradebook.store.Owned;
import io.tradebook.store.TradingSessionRepository.Session;
import io.tradebook.trading.LiveStrategies;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Trading sessions of an account ({@code /api/accounts/{accountId}/sessions}: a strategy's open
 * when it starts and close when it stops; others opened and closed by hand) and the replays of
 * stored bars that feed live strategies ({@code /api/market/replays}: starting and cancelling one
 * needs the market-data scope, as pushing prices does, since it moves the prices every paper
 * account fills at).
 */
final class LiveRoutes implements RouteModule {
    private static final String SESSIONS = "Trading sessions";
    private static final String MARKET = "Market data";
    private static final String PATH = "/api/accounts/{accountId}/sessions";
    private static final String ACCOUNT = "The account's id";
    private static final String REPLAYS = "/api/market/replays";

    /** POST body. Immutable. */
    record NewTradingSession(@JsonPropertyDescription("A strategy activation of the account; default: a session of the whole account")
                      UUID activationId) {
    }

    /** A trading session. Immutable. */
    record TradingSessionView(UUID id, UUID accountId, UUID activationId, @JsonPropertyDescription("ACTIVE or COMPLETED") String status,
                       Instant startedAt, Instant endedAt, BigDecimal capitalAtStart, BigDecimal capitalAtEnd,
                       @JsonPropertyDescription("capitalAtEnd - capitalAtStart") BigDecimal pnl,
                       @JsonPropertyDescription("The largest fall from a peak of equity, a fraction") BigDecimal maxDrawdown,
                       @JsonPropertyDescription("Fills booked during the session") int tradesCount) {
        static TradingSessionView of(Session s) {
            return new TradingSessionView(s.id(), s.accountId(), s.activationId(), s.status(), s.startedAt(), s.endedAt(),
                    Plain.of(s.capitalAtStart()), Plain.of(s.capitalAtEnd()), Plain.of(s.totalPnl()),
                    s.status().equals("ACTIVE") ? null : Plain.of(s.maxDrawdown()), s.tradesCount());
        }
    }

    /** An account's sessions, oldest first. Immutable. */
    record TradingSessionList(List<TradingSessionView> sessions) {
    }

    /** POST body. Immutable. */
    record NewReplay(@JsonProperty(required = true) @JsonPropertyDescription("An active security with stored bars") String symbol,
                     @JsonProperty(required = true) @JsonPropertyDescription("The stored bars' timeframe (1d, 1h, 5m, …)") String timeframe,
                     @JsonProperty(required = true) @JsonPropertyDescription("Bars per second, above 0, at most 1000") BigDecimal speed,
                     @JsonPropertyDescription("From this bar time on (inclusive)") Instant from,
                     @JsonPropertyDescription("Until this bar time (exclusive)") Instant to) {
    }

    /** A replay. Immutable. */
    record ReplayView(UUID id, String symbol, String timeframe, BigDecimal speed, Instant from, Instant to,
                      @JsonPropertyDescription("The time of the last bar pushed") Instant replayedUntil, long barsReplayed,
                      @JsonPropertyDescription("RUNNING, DONE or CANCELLED") String status, Instant createdAt) {
        static ReplayView of(Replay r) {
            return new ReplayView(r.id(), r.symbol(), r.timeframe(), Plain.of(r.speed()), r.from(), r.to(), r.replayedUntil(),
                    r.barsReplayed(), r.status(), r.createdAt());
        }
    }

    /** Every replay, newest first. Immutable. */
    record ReplayList(List<ReplayView> replays) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        LiveStrategies live = context.trading().strategies();
        routes.add(Route.get(PATH).tag(SESSIONS).summary("The account's trading sessions").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).responds(200, TradingSessionList.class, "Oldest first")
                .handle(call -> Reply.ok(new TradingSessionList(live.sessions(call.id("accountId")).stream().map(TradingSessionView::of).toList()))));
        routes.add(Route.post(PATH).tag(SESSIONS).summary("Open a trading session").access(Access.scope(Scope.TRADE))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).body(NewTradingSession.class)
                .description("With its capital now: the activation's equity, or the account's. An activation's session that is "
                        + "already open is returned as it is.")
                .responds(201, TradingSessionView.class, "The session, ACTIVE")
                .handle(call -> Reply.created(TradingSessionView.of(call.unwrap(live.openSession(call.id("accountId"),
                        call.body(NewTradingSession.class).activationId()))))));
        routes.add(Route.get(PATH + "/{sessionId}").tag(SESSIONS).summary("One trading session").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("sessionId", Owned.TRADING_SESSION, "The session's id")
                .responds(200, TradingSessionView.class, "The session")
                .handle(call -> Reply.ok(TradingSessionView.of(live.session(call.id("accountId"), call.id("sessionId"))
                        .orElseThrow(() -> Problems.notFound("no trading session " + call.id("sessionId")))))));
        routes.add(Route.post(PATH + "/{sessionId}/close").tag(SESSIONS).summary("Close a trading session").access(Access.scope(Scope.TRADE))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("sessionId", Owned.TRADING_SESSION, "The session's id")
                .responds(200, TradingSessionView.class, "The session, COMPLETED with its figures").fails(409, "Already completed")
                .handle(call -> Reply.ok(TradingSessionView.of(call.unwrap(live.closeSession(call.id("accountId"), call.id("sessionId")))))));

        routes.add(Route.post(REPLAYS).tag(MARKET).summary("Replay stored bars into the live feed").access(Access.scope(Scope.MARKET_DATA))
                .body(NewReplay.class)
                .description("Pushes the security's stored bars, oldest first, into the paper feed at the speed given (bars per "
                        + "second): paper orders fill against them and live strategies trading the symbol at that timeframe see them. "
                        + "A restarted server carries on after the last bar pushed.")
                .responds(201, ReplayView.class, "The replay, RUNNING")
                .handle(call -> {
                    NewReplay n = call.body(NewReplay.class);
                    return Reply.created(ReplayView.of(call.unwrap(live.startReplay(n.symbol(), n.timeframe(), n.speed(), n.from(), n.to(),
                            call.userId()))));
                }));
        routes.add(Route.get(REPLAYS).tag(MARKET).summary("The replays").access(Access.scope(Scope.READ))
                .responds(200, ReplayList.class, "Newest first")
                .handle(call -> Reply.ok(new ReplayList(live.replays().stream().map(ReplayView::of).toList()))));
        routes.add(Route.get(REPLAYS + "/{replayId}").tag(MARKET).summary("One replay").access(Access.scope(Scope.READ))
                .text("replayId", "The replay's id").responds(200, ReplayView.class, "The replay").fails(404, "No such replay")
                .handle(call -> Reply.ok(ReplayView.of(live.replay(replayId(call))
                        .orElseThrow(() -> Problems.notFound("no replay " + call.pathText("replayId")))))));
        routes.add(Route.delete(REPLAYS + "/{replayId}").tag(MARKET).summary("Cancel a replay").access(Access.scope(Scope.MARKET_DATA))
                .text("replayId", "The replay's id").responds(204, null, "Cancelled (or already finished)").fails(404, "No such replay")
                .handle(call -> {
                    if (!live.cancelReplay(replayId(call))) {
                        throw Problems.notFound("no replay " + call.pathText("replayId"));
                    }
                    return Reply.noContent();
                }));
    }

    private static UUID replayId(Call call) {
        try {
            return UUID.fromString(call.pathText("replayId"));
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("no replay " + call.pathText("replayId"));
        }
    }
}
