package io.tradebook.core.risk;

import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Pre-trade risk: holds the risk rules of any number of accounts and checks an order against every
 * rule that applies to it — the account's rules on the whole account, and those narrowed to the
 * order's strategy, which read that strategy's figures. Rules are evaluated in the order they were
 * added (a replaced rule keeps its place); the first that refuses decides the {@link RiskDecision},
 * but every applicable rule is evaluated and its {@link RuleState} updated.
 *
 * <p>An order that only reduces the position a rule watches — it moves the scope's position in the
 * symbol towards zero, at most to zero — always passes that rule, even when the rule is breached:
 * risk limits must never stop a position from being cut. The rule's state still records what it saw.
 *
 * <p>Thread-safe. Rule changes are serialised and publish an immutable list; checks read that list
 * without locking and replace each rule's state atomically (a state is never written back for a
 * rule that was removed or replaced meanwhile). Serialising the orders of one account, so that each
 * check's context includes the order before it, is the caller's job.
 */
public final class RiskEngine {
    private static final String REDUCING = "; allowed: the order only reduces the position";

    private final Object changes = new Object();
    private volatile List<RiskRule> rules = List.of();
    private final ConcurrentMap<String, RuleState> states = new ConcurrentHashMap<>();

    public RiskEngine() {
    }

    /** An engine holding {@code initial}, in that order; refuses two rules with one id. */
    public RiskEngine(Collection<RiskRule> initial) {
        initial.forEach(this::add);
    }

    /** Adds a rule after the others, with an unchecked state; refuses an id already held. */
    public void add(RiskRule rule) {
        Objects.requireNonNull(rule, "rule");
        synchronized (changes) {
            if (indexOf(rule.id()) >= 0) {
                throw new IllegalArgumentException("a risk rule with id " + rule.id() + " is already held");
            }
            states.put(rule.id(), RuleState.unchecked(rule));
            List<RiskRule> next = new ArrayList<>(rules);
            next.add(rule);
            rules = List.copyOf(next);
        }
    }

    /** Replaces the rule with the same id, in its place, and resets its state; refuses an unknown id. */
    public void replace(RiskRule rule) {
        Objects.requireNonNull(rule, "rule");
        synchronized (changes) {
            int at = indexOf(rule.id());
            if (at < 0) {
                throw new IllegalArgumentException("no risk rule with id " + rule.id() + " to replace");
            }
            List<RiskRule> next = new ArrayList<>(rules);
            next.set(at, rule);
            rules = List.copyOf(next);
            states.put(rule.id(), RuleState.unchecked(rule));
        }
    }

    /** Removes the rule with {@code ruleId} and its state; false when there was none. */
    public boolean remove(String ruleId) {
        synchronized (changes) {
            int at = indexOf(ruleId);
            if (at < 0) {
                return false;
            }
            List<RiskRule> next = new ArrayList<>(rules);
            next.remove(at);
            rules = List.copyOf(next);
            states.remove(ruleId);
            return true;
        }
    }

    /** The rules held, in evaluation order; an immutable copy. */
    public List<RiskRule> rules() {
        return rules;
    }

    /** Every rule's last state, in evaluation order. */
    public List<RuleState> states() {
        return rules.stream().map(r -> states.get(r.id())).filter(Objects::nonNull).toList();
    }

    public Optional<RuleState> state(String ruleId) {
        return Optional.ofNullable(states.get(ruleId));
    }

    /**
     * Checks {@code request} against every rule that applies to it. {@code context} holds the
     * account's figures (its {@link RiskContext#strategy()} is null); refuses a context of another
     * account, since that is a wiring fault, not a risk outcome.
     */
    public RiskDecision check(OrderRequest request, RiskContext context) {
        Objects.requireNonNull(request, "request");
        if (!request.account().equals(context.account()) || context.strategy() != null) {
            throw new IllegalArgumentException("risk context of " + context.account()
                    + (context.strategy() == null ? "" : " strategy " + context.strategy())
                    + " given for an order of account " + request.account());
        }
        RiskContext strategyScope = null;
        RiskDecision decision = RiskDecision.APPROVED;
        for (RiskRule rule : rules) {
            if (!rule.appliesTo(request.account(), request.strategy(), request.symbol())) {
                continue;
            }
            RiskContext scope = context;
            if (!rule.accountWide()) {
                strategyScope = strategyScope == null ? context.forStrategy(request.strategy()) : strategyScope;
                scope = strategyScope;
            }
            Observation seen = RuleCheck.of(rule.type()).observe(rule, request, scope);
            boolean reducing = onlyReduces(request, scope);
            Supplier<String> message = () -> rule.type() + ": " + seen.detail().get() + " (" + rule.scopeLabel() + ")"
                    + (seen.breached() && reducing ? REDUCING : "");
            RuleState next = new RuleState(rule, seen.value(), seen.breached(), message);
            states.computeIfPresent(rule.id(), (id, old) -> old.rule().equals(rule) ? next : old);
            if (seen.breached() && !reducing && decision.approved()) {
                decision = new RiskDecision.Denied(rule, next.message(), seen.value());
            }
        }
        return decision;
    }

    /**
     * Whether the order moves the scope's position in its symbol towards zero without crossing it:
     * the scope holds a position, the order is on the opposite side, and it is no larger.
     */
    static boolean onlyReduces(OrderRequest order, RiskContext scope) {
        Quantity position = scope.position(order.symbol());
        return !position.isZero()
                && position.signum() != order.side().sign()
                && order.quantity().compareTo(position.abs()) <= 0;
    }

    private int indexOf(String ruleId) {
        List<RiskRule> current = rules;
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).id().equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }
}
