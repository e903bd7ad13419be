package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.ideas.IdeaStatus;
import io.tradebook.research.TradeIdeas;
import io.tradebook.security.Refusal;
import io.tradebook.store.Owned;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.TradeIdeaRepository;
import io.tradebook.store.TradeIdeaRepository.IdeaRow;
import io.tradebook.store.TradeIdeaRepository.LegRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trade ideas with legs ({@code /api/ideas}): create, list, read, change, delete (soft), analyse
 * with the deterministic basket analyser, and activate into one of the caller's accounts, which
 * places each leg's order; a leg then shows its execution. See docs/api.md.
 */
final class IdeaRoutes implements RouteModule {
    private static final String TAG = "Trade ideas";
    private static final String PATH = "/api/ideas";
    private static final String ONE = PATH + "/{ideaId}";
    private static final String IDEA = "The trade idea's id";

    /** POST body. Immutable. */
    record NewIdea(@JsonProperty(required = true) String title, String description,
                   @JsonProperty(required = true) @JsonPropertyDescription("symbol, side LONG|SHORT, allocationPercent (of the capital), "
                           + "rationale?") List<TradeIdeas.LegInput> legs) {
    }

    /** PATCH body: what is given changes. Immutable. */
    record IdeaChange(String title, String description,
                      @JsonPropertyDescription("CLOSED or ARCHIVED by the status table (DRAFT→ARCHIVED, ACTIVE→CLOSED, CLOSED→ARCHIVED); "
                              + "ACTIVE only by activate") IdeaStatus status,
                      @JsonPropertyDescription("A DRAFT's new legs (its analysis is cleared)") List<TradeIdeas.LegInput> legs) {
    }

    /** POST …/activate body. Immutable. */
    record IdeaActivation(@JsonProperty(required = true) @JsonPropertyDescription("One of your accounts") UUID accountId,
                      @JsonPropertyDescription("The capital to spread over the legs by their percentages (or allocationPercent)") BigDecimal amount,
                      @JsonPropertyDescription("…or this percentage of the account's equity") BigDecimal allocationPercent,
                      @JsonPropertyDescription("The book the orders go to (default: the manual book)") String strategy) {
    }

    /** The analyser's verdict. Immutable; return estimates and volatility are fractions. */
    record AnalysisView(Map<String, BigDecimal> returnEstimates, BigDecimal volatility, String riskLevel,
                        @JsonPropertyDescription("RECOMMENDED, CONDITIONAL or NOT_RECOMMENDED") String recommendation,
                        String rationale, String analyzer, Instant analyzedAt) {
    }

    /** A leg, with its execution once the idea is activated. Immutable. */
    record LegView(UUID id, String symbol, String securityType, String side, BigDecimal allocationPercent, String rationale,
                   @JsonPropertyDescription("recommended, open or closed") String status, TradeIdeas.Execution execution) {
    }

    /** An idea. Immutable. */
    record IdeaView(UUID id, String title, String description, IdeaStatus status,
                    @JsonPropertyDescription("The account it was activated in") UUID accountId,
                    @JsonPropertyDescription("null until analysed") AnalysisView analysis, List<LegView> legs,
                    Instant createdAt, Instant updatedAt, Instant activatedAt, Instant closedAt) {
    }

    /** The caller's ideas, newest first. Immutable. */
    record IdeaList(List<IdeaView> ideas) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        var jdbi = context.database().jdbi();
        TradeIdeas ideas = new TradeIdeas(new TradeIdeaRepository(jdbi), new SecurityRepository(jdbi), new PriceHistoryRepository(jdbi),
                context.trading(), context.clock());
        routes.add(Route.post(PATH).tag(TAG).summary("Write a trade idea (a DRAFT) with its legs").access(Access.scope(Scope.TRADE))
                .body(NewIdea.class).responds(201, IdeaView.class, "The idea, DRAFT")
                .handle(call -> {
                    NewIdea n = call.body(NewIdea.class);
                    return Reply.created(view(ideas, call.unwrap(ideas.create(call.userId(), n.title(), n.description(), n.legs()))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("Your trade ideas, newest first").access(Access.scope(Scope.READ))
                .query("status", IdeaStatus.class, false, "Only ideas in this status")
                .responds(200, IdeaList.class, "Newest first")
                .handle(call -> Reply.ok(new IdeaList(ideas.list(call.userId(), call.queryEnum("status", IdeaStatus.class).orElse(null))
                        .stream().map(i -> view(ideas, i)).toList()))));
        routes.add(Route.get(ONE).tag(TAG).summary("One trade idea, its analysis and its legs' executions").access(Access.scope(Scope.READ))
                .owned("ideaId", Owned.TRADE_IDEA, IDEA).responds(200, IdeaView.class, "The idea")
                .handle(call -> Reply.ok(view(ideas, find(ideas, call.id("ideaId"))))));
        routes.add(Route.patch(ONE).tag(TAG).summary("Change a trade idea's title, description, status or (a draft's) legs")
                .access(Access.scope(Scope.TRADE)).owned("ideaId", Owned.TRADE_IDEA, IDEA).body(IdeaChange.class)
                .responds(200, IdeaView.class, "The idea").fails(409, "The status table does not allow the change")
                .handle(call -> {
                    IdeaChange c = call.body(IdeaChange.class);
                    return Reply.ok(view(ideas, call.unwrap(ideas.change(call.id("ideaId"), c.title(), c.description(), c.status(),
                            c.legs()))));
                }));
        routes.add(Route.delete(ONE).tag(TAG).summary("Delete a trade idea (soft: kept, no longer shown)")
                .access(Access.scope(Scope.TRADE)).owned("ideaId", Owned.TRADE_IDEA, IDEA).responds(204, null, "Deleted")
                .handle(call -> {
                    if (!ideas.delete(call.id("ideaId"))) {
                        throw Problems.notFound("no trade idea " + call.id("ideaId"));
                    }
                    return Reply.noContent();
                }));
        routes.add(Route.post(ONE + "/analyse").tag(TAG).summary("Analyse the basket over the stored daily closes (deterministic)")
                .access(Access.scope(Scope.TRADE)).owned("ideaId", Owned.TRADE_IDEA, IDEA)
                .responds(200, IdeaView.class, "The idea with its analysis stored")
                .handle(call -> Reply.ok(view(ideas, call.unwrap(ideas.analyse(call.id("ideaId")))))));
        routes.add(Route.post(ONE + "/activate").tag(TAG).summary("Place the legs' orders in one of your accounts; the idea becomes ACTIVE")
                .access(Access.scope(Scope.TRADE)).owned("ideaId", Owned.TRADE_IDEA, IDEA).body(IdeaActivation.class)
                .responds(200, IdeaView.class, "The idea, ACTIVE, each leg with its order").fails(409, "The idea is not a DRAFT")
                .handle(call -> {
                    IdeaActivation a = call.body(IdeaActivation.class);
                    if (a.accountId() == null) {
                        throw Problems.of(Refusal.invalid("accountId", "is required"));
                    }
                    UUID account = (UUID) context.tenancy().requireOwned(Owned.ACCOUNT, a.accountId().toString(), call.principal());
                    return Reply.ok(view(ideas, call.unwrap(ideas.activate(call.id("ideaId"), account, a.amount(), a.allocationPercent(),
                            a.strategy()))));
                }));
    }

    private static IdeaRow find(TradeIdeas ideas, UUID id) {
        return ideas.find(id).orElseThrow(() -> Problems.notFound("no trade idea " + id));
    }

    private static IdeaView view(TradeIdeas ideas, IdeaRow i) {
        AnalysisView analysis = null;
        if (i.analyzedAt() != null) {
            Map<String, BigDecimal> returns = new LinkedHashMap<>();
            i.returns().forEach((k, v) -> returns.put(k, Plain.of(v)));
            analysis = new AnalysisView(returns, Plain.of(i.volatility()), i.riskLevel(), i.recommendation(), i.rationale(), i.analyzer(),
                    i.analyzedAt());
        }
        List<LegView> legs = i.legs().stream().map(l -> leg(ideas, i, l)).toList();
        return new IdeaView(i.id(), i.title(), i.description(), i.status(), i.accountId(), analysis, legs, i.createdAt(), i.updatedAt(),
                i.activatedAt(), i.closedAt());
    }

    private static LegView leg(TradeIdeas ideas, IdeaRow idea, LegRow l) {
        TradeIdeas.Execution e = ideas.execution(idea, l).map(x -> new TradeIdeas.Execution(x.orderId(), x.orderStatus(),
                Plain.of(x.quantity()), Plain.of(x.entryPrice()), Plain.of(x.currentPrice()), Plain.of(x.marketValue()),
                Plain.of(x.unrealizedPnl()))).orElse(null);
        return new LegView(l.id(), l.symbol(), l.securityType().name(), l.isLong() ? "LONG" : "SHORT", Plain.of(l.allocationPercent()),
                l.rationale(), l.status(), e);
    }
}
