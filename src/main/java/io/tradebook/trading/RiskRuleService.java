package io.tradebook.trading;

import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.risk.RiskEngine;
import io.tradebook.core.risk.RiskRule;
import io.tradebook.core.risk.RuleState;
import io.tradebook.core.risk.RuleType;
import io.tradebook.core.risk.RuleUnit;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.RiskRuleRepository;
import io.tradebook.store.RiskRuleRepository.RiskRuleRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's pre-trade risk rules: kept in the database and held by the live {@link RiskEngine}
 * at the same time, so that a rule added, changed or removed here applies to the very next order,
 * and the rules in force come back after a restart ({@link #load}). Removing a rule is a soft
 * delete: it stays in the database, inactive, with its events. Thread-safe; changes to one rule
 * are serialised.
 *
 * <p>Refuses, as invalid fields: a unit the type does not take; a limit that is negative, has more
 * than 20 decimals or reaches 10^18, a FRACTION above 1, a COUNT that is not whole; a strategy that
 * is not a book of the account; a symbol on any type but MAX_POSITION_SIZE.
 */
public final class RiskRuleService {
    private static final BigDecimal MAX_LIMIT = new BigDecimal("1000000000000000000");

    /** What a new rule asks for; {@code unit} null means the type's first unit. Immutable. */
    public record NewRule(RuleType type, BigDecimal value, RuleUnit unit, String strategy, String symbol) {
    }

    /**
     * A rule with what it saw: from the live engine once it has checked an order since it was
     * set, else as last stored (a refusal is stored with the rule). {@code currentValue} is null
     * when nothing was measured yet. Immutable.
     */
    public record RuleStatus(RiskRuleRow rule, BigDecimal currentValue, boolean violated, String message) {
    }

    private final RiskRuleRepository rules;
    private final RiskEngine engine;
    private final AccountCache accounts;
    private final AuditTrail audit;

    /** Tells the other server processes that a rule changed. */
    private final java.util.function.Consumer<UUID> changed;

    RiskRuleService(RiskRuleRepository rules, RiskEngine engine, AccountCache accounts, AuditTrail audit,
                    java.util.function.Consumer<UUID> changed) {
        this.changed = changed;
        this.rules = rules;
        this.engine = engine;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Puts every rule in force in the database into the engine: at start. */
    void load() {
        for (RiskRuleRow row : rules.listAllActive()) {
            engine.add(toRule(row));
        }
    }

    /**
     * Takes rule {@code ruleId} as the database holds it now: another server process added,
     * changed or removed it. A rule whose terms are unchanged keeps its state.
     */
    synchronized void pulled(UUID ruleId) {
        take(ruleId.toString(), rules.find(ruleId).filter(RiskRuleRow::active).map(RiskRuleService::toRule).orElse(null));
    }

    /** Takes every rule in force as the database holds it (after other processes' signals may have been missed). */
    synchronized void resync() {
        Map<String, RiskRule> stored = new java.util.LinkedHashMap<>();
        for (RiskRuleRow row : rules.listAllActive()) {
            stored.put(row.id().toString(), toRule(row));
        }
        for (RiskRule held : engine.rules()) {
            if (!stored.containsKey(held.id())) {
                engine.remove(held.id());
            }
        }
        stored.forEach(this::take);
    }

    private void take(String id, RiskRule rule) {
        Optional<RiskRule> held = engine.rules().stream().filter(r -> r.id().equals(id)).findFirst();
        if (rule == null) {
            engine.remove(id);
        } else if (held.isEmpty()) {
            engine.add(rule);
        } else if (!held.get().equals(rule)) {
            engine.replace(rule);
        }
    }

    /** Adds a rule to the account (owned by {@code userId}). */
    public synchronized Outcome<RuleStatus> create(UUID userId, UUID accountId, NewRule n) {
        FieldChecks checks = new FieldChecks();
        if (n.type() == null) {
            checks.problem("type", "is required");
        }
        RuleUnit unit = n.unit() != null ? n.unit() : n.type() == null ? null : n.type().units().iterator().next();
        String strategy = checks.text("strategy", n.strategy(), 100, false);
        if (strategy != null && accounts.activation(accountId.toString(), strategy).isEmpty()) {
            checks.problem("strategy", "is not a strategy of this account");
        }
        String symbol = checks.text("symbol", n.symbol(), 50, false);
        checkLimit(checks, n.type(), unit, n.value(), symbol);
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        RiskRuleRow row = rules.save(RiskRuleRow.of(accountId, strategy, symbol, n.type().name(), unit.name(), LiveEventData.plain(n.value())));
        engine.add(toRule(row));
        changed.accept(row.id());
        audit.record(LogLevel.INFO, "risk", "risk rule added", userId, Map.of("account", accountId.toString(), "rule", row.id().toString(),
                "type", row.ruleType(), "value", row.ruleValue().toPlainString()));
        return Outcome.ok(status(row));
    }

    /** The account's rules in force, oldest first. */
    public List<RuleStatus> list(UUID accountId) {
        return rules.listActive(accountId).stream().map(this::status).toList();
    }

    /** The account's rule {@code ruleId} in force; empty when the account has none such. */
    public Optional<RuleStatus> find(UUID accountId, UUID ruleId) {
        return rules.find(ruleId).filter(r -> r.accountId().equals(accountId) && r.active()).map(this::status);
    }

    /** Changes the rule's limit and unit (null keeps each); its state starts afresh. */
    public synchronized Outcome<RuleStatus> change(UUID userId, UUID accountId, UUID ruleId, BigDecimal value, RuleUnit unit) {
        Optional<RiskRuleRow> found = rules.find(ruleId).filter(r -> r.accountId().equals(accountId) && r.active());
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no risk rule " + ruleId));
        }
        RiskRuleRow old = found.get();
        FieldChecks checks = new FieldChecks();
        if (value == null && unit == null) {
            checks.problem("value", "send a new value or unit");
        }
        RuleType type = RuleType.valueOf(old.ruleType());
        RuleUnit newUnit = unit != null ? unit : RuleUnit.valueOf(old.ruleUnit());
        BigDecimal newValue = value != null ? value : old.ruleValue();
        checkLimit(checks, type, newUnit, newValue, old.symbol());
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        RiskRuleRow row = rules.save(new RiskRuleRow(old.id(), accountId, old.strategy(), old.symbol(), old.ruleType(), newUnit.name(),
                LiveEventData.plain(newValue), true, BigDecimal.ZERO, false, ""));
        engine.replace(toRule(row));
        changed.accept(row.id());
        audit.record(LogLevel.INFO, "risk", "risk rule changed", userId, Map.of("account", accountId.toString(), "rule", ruleId.toString(),
                "value", row.ruleValue().toPlainString(), "unit", row.ruleUnit()));
        return Outcome.ok(status(row));
    }

    /** Takes the rule out of force at once; false when the account had no such rule in force. */
    public synchronized boolean delete(UUID userId, UUID accountId, UUID ruleId) {
        if (find(accountId, ruleId).isEmpty() || !rules.deactivate(ruleId)) {
            return false;
        }
        engine.remove(ruleId.toString());
        changed.accept(ruleId);
        audit.record(LogLevel.INFO, "risk", "risk rule removed", userId, Map.of("account", accountId.toString(), "rule", ruleId.toString()));
        return true;
    }

    private static void checkLimit(FieldChecks checks, RuleType type, RuleUnit unit, BigDecimal value, String symbol) {
        if (type != null && unit != null && !type.accepts(unit)) {
            checks.problem("unit", type + " takes " + type.units().stream().map(Enum::name).toList() + ", not " + unit);
        }
        if (value == null) {
            checks.problem("value", "is required");
        } else if (value.signum() < 0) {
            checks.problem("value", "must not be negative");
        } else if (value.stripTrailingZeros().scale() > 20) {
            checks.problem("value", "must have at most 20 decimals");
        } else if (value.compareTo(MAX_LIMIT) >= 0) {
            checks.problem("value", "must be below 10^18");
        } else if (unit == RuleUnit.FRACTION && value.compareTo(BigDecimal.ONE) > 0) {
            checks.problem("value", "is a FRACTION and must be between 0 and 1");
        } else if (unit == RuleUnit.COUNT && value.stripTrailingZeros().scale() > 0) {
            checks.problem("value", "is a COUNT and must be a whole number");
        }
        if (symbol != null && type != null && type != RuleType.MAX_POSITION_SIZE) {
            checks.problem("symbol", "only a MAX_POSITION_SIZE rule watches one symbol");
        }
    }

    private static RiskRule toRule(RiskRuleRow row) {
        return new RiskRule(row.id().toString(), row.accountId().toString(), row.strategy(), RuleType.valueOf(row.ruleType()),
                RuleUnit.valueOf(row.ruleUnit()), row.ruleValue(), row.symbol());
    }

    private RuleStatus status(RiskRuleRow row) {
        Optional<RuleState> state = engine.state(row.id().toString());
        if (state.isPresent() && (state.get().currentValue() != null || !state.get().message().isEmpty())) {
            RuleState s = state.get();
            return new RuleStatus(row, s.currentValue() == null ? null : LiveEventData.plain(s.currentValue()), s.violated(), s.message());
        }
        boolean measured = row.violated() || !row.violationMessage().isEmpty();
        return new RuleStatus(row, measured ? row.currentValue() : null, row.violated(), row.violationMessage());
    }
}
