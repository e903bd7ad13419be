package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.events.LogLevel;
import io.tradebook.security.FieldProblem;
import io.tradebook.store.Retention;
import io.tradebook.store.RetentionPolicies;
import io.tradebook.store.RetentionTarget;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Administrators' view of data retention ({@code /api/admin/retention}): the policies, what each
 * may delete, changing one, and running the job now. The books are kept forever: a period for them
 * is refused (422).
 */
final class RetentionRoutes implements RouteModule {
    private static final String TAG = "Administration";

    /** One policy and what it does. Immutable. */
    record PolicyView(String dataClass,
                      @JsonPropertyDescription("Days kept; null keeps forever") Integer retentionDays,
                      boolean enabled,
                      @JsonPropertyDescription("The seed's description of the data") String appliesTo,
                      @JsonPropertyDescription("What the job deletes for it, or why it never does") String action,
                      @JsonPropertyDescription("False for the books and identities, which are kept forever") boolean changeable,
                      Instant updatedAt) {
        static PolicyView of(RetentionPolicies.Policy p) {
            return new PolicyView(p.dataClass(), p.retentionDays(), p.enabled(), p.appliesTo(), RetentionTarget.describe(p.dataClass()),
                    !RetentionTarget.protectedClass(p.dataClass()), p.updatedAt());
        }
    }

    /** The policies and the schedule. Immutable. */
    record RetentionView(@JsonPropertyDescription("Minutes between runs in this server; 0: not scheduled here") long intervalMinutes,
                         int batchSize, List<PolicyView> policies, RunView lastRun) {
    }

    /** What one class's policy did in a run. Immutable. */
    record ClassView(String dataClass, Integer retentionDays, Instant cutoff, Map<String, Integer> deleted, String note) {
    }

    /** A run. Immutable. */
    record RunView(Instant startedAt, long tookMs, int deleted, List<ClassView> classes,
                   @JsonPropertyDescription("The archive file of the deleted rows, if archiving is on and rows were deleted") String archive) {
        static RunView of(Retention.Report r) {
            return r == null ? null : new RunView(r.startedAt(), r.took().toMillis(), r.total(), r.classes().stream()
                    .map(c -> new ClassView(c.dataClass(), c.retentionDays(), c.cutoff(), c.deleted(), c.note())).toList(),
                    r.archive() == null ? null : r.archive().toString());
        }
    }

    /** A change to a policy; an absent field is kept. Immutable. */
    record PolicyChange(@JsonPropertyDescription("Days to keep (at least 1); null keeps forever") Integer retentionDays, Boolean enabled) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        RetentionPolicies policies = new RetentionPolicies(context.database().jdbi());
        routes.add(Route.get("/api/admin/retention").tag(TAG).summary("The retention policies, what each deletes, and the schedule")
                .access(Access.admin()).responds(200, RetentionView.class, "The policies")
                .handle(call -> {
                    var schedule = context.live().retentionSchedule();
                    return Reply.ok(new RetentionView(schedule.interval().toMinutes(), schedule.batchSize(),
                            policies.list().stream().map(PolicyView::of).toList(), RunView.of(context.live().lastRetention())));
                }));
        routes.add(Route.patch("/api/admin/retention/{dataClass}").tag(TAG).summary("Change a retention policy")
                .access(Access.admin()).text("dataClass", "The policy's data class, e.g. unread_notifications").body(PolicyChange.class)
                .description("The books (order_history, position_history), user_profiles and strategy_configs are kept forever: "
                        + "giving them a period is refused.")
                .responds(200, PolicyView.class, "The policy as changed").fails(404, "No such data class")
                .handle(call -> {
                    Body<PolicyChange> b = call.bodyWithFields(PolicyChange.class);
                    if (b.has("enabled") && b.value().enabled() == null) {
                        throw Problems.invalid(List.of(new FieldProblem("enabled", "must be true or false; leave it out to keep it")));
                    }
                    String dataClass = call.pathText("dataClass");
                    RetentionPolicies.Policy changed;
                    try {
                        changed = policies.update(dataClass, b.has("retentionDays"), b.value().retentionDays(), b.value().enabled(), call.now())
                                .orElseThrow(() -> Problems.notFound("no retention policy " + dataClass));
                    } catch (IllegalArgumentException refused) {
                        throw Problems.invalid(List.of(new FieldProblem("retentionDays", refused.getMessage())));
                    }
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("dataClass", dataClass);
                    details.put("retentionDays", String.valueOf(changed.retentionDays()));
                    details.put("enabled", Boolean.toString(changed.enabled()));
                    context.audit().record(LogLevel.INFO, "retention", "retention policy changed", call.userId(), details);
                    return Reply.ok(PolicyView.of(changed));
                }));
        routes.add(Route.post("/api/admin/retention/run").tag(TAG).summary("Run the retention job now")
                .access(Access.admin()).responds(200, RunView.class, "What it deleted")
                .handle(call -> {
                    try {
                        return Reply.ok(RunView.of(context.live().runRetention()));
                    } catch (IOException e) {
                        throw new IllegalStateException("the retention archive could not be written: " + e.getMessage(), e);
                    }
                }));
    }
}
