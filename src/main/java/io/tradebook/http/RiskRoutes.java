package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.risk.RuleType;
import io.tradebook.core.risk.RuleUnit;
import io.tradebook.store.Owned;
import io.tradebook.store.RiskEventRepository;
import io.tradebook.store.RiskEventRepository.RiskEventRow;
import io.tradebook.trading.RiskRuleService;
import io.tradebook.trading.RiskRuleService.RuleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's pre-trade risk rules and the refusals they made ({@code /api/accounts/{accountId}/risk-rules},
 * {@code …/risk-events}). A change applies to the very next order and survives a restart. Changes
 * need the signed-in user (an API key must not loosen the limits that guard it); reading is open
 * to the read scope. The rules are defined in docs/risk.md.
 */
final class RiskRoutes implements RouteModule {
    private static final String TAG = "Risk";
    private static final String PATH = "/api/accounts/{accountId}/risk-rules";
    private static final String ONE = PATH + "/{ruleId}";
    private static final String ACCOUNT = "The account's id";
    private static final String RULE = "The rule's id";

    /** POST body. Immutable. */
    record NewRiskRule(@JsonProperty(required = true) RuleType type,
                       @JsonProperty(required = true) @JsonPropertyDescription("The limit, read in unit") BigDecimal value,
                       @JsonPropertyDescription("Default: the type's first unit (QUANTITY, COUNT, AMOUNT, FRACTION)") RuleUnit unit,
                       @JsonPropertyDescription("Narrow the rule to one strategy of the account; default the whole account") String strategy,
                       @JsonPropertyDescription("MAX_POSITION_SIZE only: watch this one symbol") String symbol) {
    }

    /** PATCH body: a new limit or unit. Immutable. */
    record RiskRuleChange(BigDecimal value, RuleUnit unit) {
    }

    /** A rule and what it last saw. Immutable. */
    record RiskRuleView(UUID id, RuleType type, RuleUnit unit, BigDecimal value,
                        @JsonPropertyDescription("null: the whole account") String strategy, String symbol,
                        @JsonPropertyDescription("What it observed on its last check, in its unit; null before") BigDecimal currentValue,
                        @JsonPropertyDescription("Whether its last check found the limit breached") boolean violated,
                        @JsonPropertyDescription("The last check's figures in words") String message) {
        static RiskRuleView of(RuleStatus s) {
            var r = s.rule();
            return new RiskRuleView(r.id(), RuleType.valueOf(r.ruleType()), RuleUnit.valueOf(r.ruleUnit()), Plain.of(r.ruleValue()),
                    r.strategy(), r.symbol(), Plain.of(s.currentValue()), s.violated(), s.message());
        }
    }

    /** The account's rules in force. Immutable. */
    record RiskRuleList(List<RiskRuleView> rules) {
    }

    /** A refusal by a rule. Immutable. */
    record RiskEventView(UUID ruleId, UUID orderId, Instant occurredAt, String ruleType,
                         @JsonPropertyDescription("The rule's limit then") BigDecimal ruleValue,
                         @JsonPropertyDescription("What it observed; null when it could not measure") BigDecimal observedValue,
                         String message) {
        static RiskEventView of(RiskEventRow e) {
            return new RiskEventView(e.ruleId(), e.orderId(), e.time(), e.ruleType(), Plain.of(e.ruleValue()), Plain.of(e.observedValue()),
                    e.message());
        }
    }

    /** Risk events, newest first. Immutable. */
    record RiskEventList(List<RiskEventView> events) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        RiskRuleService rules = context.trading().riskRules();
        RiskEventRepository events = new RiskEventRepository(context.database().jdbi());
        routes.add(Route.post(PATH).tag(TAG).summary("Add a risk rule").access(Access.signedIn()).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .body(NewRiskRule.class).responds(201, RiskRuleView.class, "The rule, in force from the next order")
                .handle(call -> {
                    NewRiskRule n = call.body(NewRiskRule.class);
                    return Reply.created(RiskRuleView.of(call.unwrap(rules.create(call.userId(), call.id("accountId"),
                            new RiskRuleService.NewRule(n.type(), n.value(), n.unit(), n.strategy(), n.symbol())))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("The account's risk rules").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).responds(200, RiskRuleList.class, "The rules in force, oldest first")
                .handle(call -> Reply.ok(new RiskRuleList(rules.list(call.id("accountId")).stream().map(RiskRuleView::of).toList()))));
        routes.add(Route.get(ONE).tag(TAG).summary("One risk rule").access(Access.scope(Scope.READ))
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("ruleId", Owned.RISK_RULE, RULE)
                .responds(200, RiskRuleView.class, "The rule")
                .handle(call -> Reply.ok(RiskRuleView.of(rules.find(call.id("accountId"), call.id("ruleId"))
                        .orElseThrow(() -> Problems.notFound("no risk rule " + call.id("ruleId")))))));
        routes.add(Route.patch(ONE).tag(TAG).summary("Change a risk rule's limit or unit").access(Access.signedIn())
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("ruleId", Owned.RISK_RULE, RULE).body(RiskRuleChange.class)
                .responds(200, RiskRuleView.class, "The rule, in force from the next order, its state reset")
                .handle(call -> {
                    RiskRuleChange c = call.body(RiskRuleChange.class);
                    return Reply.ok(RiskRuleView.of(call.unwrap(rules.change(call.userId(), call.id("accountId"), call.id("ruleId"),
                            c.value(), c.unit()))));
                }));
        routes.add(Route.delete(ONE).tag(TAG).summary("Remove a risk rule").access(Access.signedIn())
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).owned("ruleId", Owned.RISK_RULE, RULE)
                .responds(204, null, "Out of force from the next order (kept, inactive, with its events)")
                .handle(call -> {
                    if (!rules.delete(call.userId(), call.id("accountId"), call.id("ruleId"))) {
                        throw Problems.notFound("no risk rule " + call.id("ruleId"));
                    }
                    return Reply.noContent();
                }));
        routes.add(Route.get("/api/accounts/{accountId}/risk-events").tag(TAG).summary("Orders the account's risk rules refused")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .query("from", Instant.class, false, "At or after").query("to", Instant.class, false, "Before")
                .query("limit", Integer.class, false, "How many at most, 1…500 (default 100)")
                .responds(200, RiskEventList.class, "Newest first")
                .handle(call -> Reply.ok(new RiskEventList(events.recent(call.id("accountId"), call.queryInstant("from").orElse(null),
                        call.queryInstant("to").orElse(null), call.queryInt("limit", 1, Paging.MAX_LIMIT, Paging.DEFAULT_LIMIT)).stream()
                        .map(RiskEventView::of).toList()))));
    }
}
