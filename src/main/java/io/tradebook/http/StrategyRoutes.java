package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.StrategyMetadata;
import io.tradebook.store.Owned;
import io.tradebook.trading.LiveStrategies;
import io.tradebook.trading.LiveStrategies.ActivationState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The strategy catalog ({@code /api/strategies}) and the strategies activated on an account
 * ({@code /api/accounts/{accountId}/strategies}): create, start, pause, stop, change. An ACTIVE
 * activation runs its strategy live on the feed (docs/strategies.md, "Live"). Changes need the
 * signed-in user or a trade-scope key; reading is open to the read scope.
 */
final class StrategyRoutes implements RouteModule {
    private static final String TAG = "Strategies";
    private static final String PATH = "/api/accounts/{accountId}/strategies";
    private static final String ONE = PATH + "/{activationId}";
    private static final String ACCOUNT = "The account's id";
    private static final String ACTIVATION = "The strategy activation's id";

    /** A parameter a strategy declares. Immutable. */
    record StrategyParameterView(String name, @JsonPropertyDescription("integer, decimal or boolean") String type,
                         @JsonProperty("default") String defaultValue, BigDecimal min, BigDecimal max, String description) {
        static StrategyParameterView of(ParameterSpec p) {
            return new StrategyParameterView(p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.format(p.defaultValue()), Plain.of(p.min()), Plain.of(p.max()), p.description());
        }
    }

    /** A catalog strategy. Immutable. */
    record CatalogStrategyView(String code, String name, String description, String category, String riskLevel,
                        @JsonPropertyDescription("The least capital an activation may have") BigDecimal minCapital,
                        @JsonPropertyDescription("Its default timeframe") String timeframe,
                        @JsonPropertyDescription("Its own symbols; empty: an activation names them") List<String> symbols,
                        List<StrategyParameterView> parameters) {
        static CatalogStrategyView of(LiveStrategies.CatalogEntry e) {
            StrategyMetadata m = e.definition().metadata();
            return new CatalogStrategyView(m.code(), m.name(), m.description(), m.category().name(), m.riskLevel().name(),
                    Plain.of(e.minCapital()), m.timeframe() == null ? null : m.timeframe().code(), m.symbols(),
                    m.parameters().stream().map(StrategyParameterView::of).toList());
        }
    }

    /** The catalog. Immutable. */
    record CatalogStrategyList(List<CatalogStrategyView> strategies) {
    }

    /** POST body. Immutable. */
    record NewActivation(@JsonProperty(required = true) @JsonPropertyDescription("A catalog code (GET /api/strategies)") String strategy,
                         @JsonProperty(required = true) @JsonPropertyDescription("Its name on the account (its book), unique there")
                         String name,
                         @JsonPropertyDescription("A segregated budget moved from the shared pool; default: it draws on the shared pool")
                         BigDecimal allocation,
                         @JsonPropertyDescription("Custom parameter values by name; the others keep their defaults")
                         Map<String, String> parameters,
                         @JsonPropertyDescription("The symbols it trades; default the strategy's own") List<String> symbols,
                         @JsonPropertyDescription("The bars it runs on (1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w); default the strategy's")
                         String timeframe,
                         @JsonPropertyDescription("Start it at once (default true); false creates it PAUSED") Boolean start) {
    }

    /** PATCH body. Immutable. */
    record ActivationChange(@JsonPropertyDescription("The new budget amount") BigDecimal allocation,
                            @JsonPropertyDescription("Parameter values to change; the others keep theirs") Map<String, String> parameters) {
    }

    /** POST …/stop body. Immutable. */
    record StopRequest(@JsonPropertyDescription("Close its open positions with market orders first (default false)") Boolean closePositions) {
    }

    /** An activation. Immutable. */
    record ActivationView(UUID id, UUID accountId, String name, String strategy,
                          @JsonPropertyDescription("ACTIVE, PAUSED or STOPPED") String status,
                          @JsonPropertyDescription("Its budget; null: it draws on the shared pool") BigDecimal allocation,
                          Map<String, String> parameters, List<String> symbols, String timeframe,
                          @JsonPropertyDescription("The cash it can draw on now") BigDecimal cash,
                          @JsonPropertyDescription("Its cash plus its positions at the latest prices") BigDecimal equity,
                          BigDecimal totalPnl, Instant activatedAt, Instant createdAt, Instant updatedAt) {
        static ActivationView of(ActivationState s) {
            var a = s.activation();
            return new ActivationView(a.id(), a.accountId(), a.name(), a.strategy(), a.status(), Plain.of(a.allocation()), a.parameters(),
                    s.symbols(), s.timeframe(), Plain.of(s.cash()), Plain.of(s.equity()), Plain.of(a.totalPnl()), a.activatedAt(),
                    a.createdAt(), a.updatedAt());
        }
    }

    /** An account's activations. Immutable. */
    record ActivationList(List<ActivationView> strategies) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        LiveStrategies live = context.trading().strategies();
        routes.add(Route.get("/api/strategies").tag(TAG).summary("The strategy catalog").access(Access.scope(Scope.READ))
                .responds(200, CatalogStrategyList.class, "The strategies that can be activated, by code, with their parameters")
                .handle(call -> Reply.ok(new CatalogStrategyList(live.catalog().stream().map(CatalogStrategyView::of).toList()))));
        routes.add(Route.get("/api/strategies/{code}").tag(TAG).summary("One catalog strategy").access(Access.scope(Scope.READ))
                .text("code", "The strategy's code").responds(200, CatalogStrategyView.class, "The strategy").fails(404, "No such strategy")
                .handle(call -> Reply.ok(CatalogStrategyView.of(live.catalogEntry(call.pathText("code"))
                        .orElseThrow(() -> Problems.notFound("no strategy " + call.pathText("code") + " in the catalog"))))));

        routes.add(Route.get(PATH).tag(TAG).summary("The account's strategy activations").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).responds(200, ActivationList.class, "By name, with the manual book")
                .handle(call -> Reply.ok(new ActivationList(live.list(call.id("accountId")).stream().map(ActivationView::of).toList()))));
        routes.add(Route.post(PATH).tag(TAG).summary("Activate a catalog strategy on the account").access(Access.scope(Scope.TRADE))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).body(NewActivation.class)
                .description("Refused (422, naming the field) for an unknown strategy, a parameter it does not have or refuses "
                        + "(parameters.NAME), an allocation above the shared pool's free cash or a capital below the strategy's minimum; "
                        + "409 for a name the account has. Started at once (a trading session opens) unless start is false.")
                .responds(201, ActivationView.class, "The activation")
                .handle(call -> {
                    NewActivation n = call.body(NewActivation.class);
                    return Reply.created(ActivationView.of(call.unwrap(live.create(call.id("accountId"), new LiveStrategies.NewActivation(
                            n.strategy(), n.name(), n.allocation(), n.parameters(), n.symbols(), n.timeframe(), n.start())))));
                }));
        routes.add(Route.get(ONE).tag(TAG).summary("One strategy activation").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("activationId", Owned.STRATEGY_ACTIVATION, ACTIVATION)
                .responds(200, ActivationView.class, "The activation and its figures")
                .handle(call -> Reply.ok(ActivationView.of(live.find(call.id("accountId"), call.id("activationId"))
                        .orElseThrow(() -> Problems.notFound("no strategy activation " + call.id("activationId")))))));
        routes.add(Route.patch(ONE).tag(TAG).summary("Change an activation's allocation or parameters").access(Access.scope(Scope.TRADE))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("activationId", Owned.STRATEGY_ACTIVATION, ACTIVATION)
                .body(ActivationChange.class)
                .description("A larger allocation moves cash from the shared pool, a smaller one gives cash back. New parameters "
                        + "restart the strategy's runner (its indicators warm up again).")
                .responds(200, ActivationView.class, "The activation")
                .handle(call -> {
                    ActivationChange c = call.body(ActivationChange.class);
                    return Reply.ok(ActivationView.of(call.unwrap(live.change(call.id("accountId"), call.id("activationId"),
                            c.allocation(), c.parameters()))));
                }));
        routes.add(transition(Route.post(ONE + "/start"), "Start (resume) an activation: its strategy places orders again", null)
                .handle(call -> Reply.ok(ActivationView.of(call.unwrap(live.start(call.id("accountId"), call.id("activationId")))))));
        routes.add(transition(Route.post(ONE + "/pause"), "Pause an activation: its strategy places no new orders", null)
                .handle(call -> Reply.ok(ActivationView.of(call.unwrap(live.pause(call.id("accountId"), call.id("activationId")))))));
        routes.add(transition(Route.post(ONE + "/stop"), "Stop an activation for good (closes its session)", StopRequest.class)
                .description("Closes nothing unless closePositions is true: then its open positions are closed with market orders "
                        + "through the order path, which fill at the next price or bar.")
                .handle(call -> {
                    boolean close = Boolean.TRUE.equals(call.body(StopRequest.class).closePositions());
                    return Reply.ok(ActivationView.of(call.unwrap(live.stop(call.id("accountId"), call.id("activationId"), close))));
                }));
    }

    private static Route.Builder transition(Route.Builder route, String summary, Class<? extends Record> body) {
        Route.Builder b = route.tag(TAG).summary(summary).access(Access.scope(Scope.TRADE)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .owned("activationId", Owned.STRATEGY_ACTIVATION, ACTIVATION).responds(200, ActivationView.class, "The activation")
                .fails(409, "Not possible from its status (a stopped activation stays stopped)");
        return body == null ? b : b.body(body);
    }
}
