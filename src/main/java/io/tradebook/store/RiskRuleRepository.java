package io.tradebook.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@code risk_rules} rows of accounts, as plain values: what a rule limits ({@code ruleType},
 * {@code ruleUnit}, {@code ruleValue}, optionally narrowed to one strategy activation, by name,
 * and one symbol) and what was last observed ({@code currentValue}, {@code violated},
 * {@code violationMessage}). It knows nothing of how rules are evaluated; that is the core's.
 *
 * <p>Refuses with {@link IllegalArgumentException}: an unknown account or strategy, a rule id
 * that belongs to another account, and whatever the schema's checks refuse (an unknown type or
 * unit, a negative value, a FRACTION above 1, a COUNT with decimals), naming the check.
 */
public final class RiskRuleRepository {
    private final Jdbi jdbi;

    public RiskRuleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One rule. Immutable. {@code strategy} (an activation name) and {@code symbol} are null for a
     * rule on the whole account; decimals come back without trailing zeros.
     */
    public record RiskRuleRow(UUID id, UUID accountId, String strategy, String symbol, String ruleType, String ruleUnit,
                              BigDecimal ruleValue, boolean active, BigDecimal currentValue, boolean violated, String violationMessage) {
        public RiskRuleRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(ruleType, "ruleType");
            Objects.requireNonNull(ruleUnit, "ruleUnit");
            Objects.requireNonNull(ruleValue, "ruleValue");
            Objects.requireNonNull(currentValue, "currentValue");
            Objects.requireNonNull(violationMessage, "violationMessage");
        }

        /** A new active rule with a fresh id, nothing observed yet. */
        public static RiskRuleRow of(UUID accountId, String strategy, String symbol, String ruleType, String ruleUnit, BigDecimal ruleValue) {
            return new RiskRuleRow(UUID.randomUUID(), accountId, strategy, symbol, ruleType, ruleUnit, ruleValue, true, BigDecimal.ZERO,
                    false, "");
        }
    }

    /** Stores {@code rule}: inserts it, or replaces the stored rule with its id. Returns it as stored. */
    public RiskRuleRow save(RiskRuleRow rule) {
        return refusedByChecks("risk rule " + rule.id(), () -> jdbi.inTransaction(h -> {
            UUID user = h.createQuery("SELECT user_id FROM accounts WHERE id = :id").bind("id", rule.accountId())
                    .mapTo(UUID.class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + rule.accountId()));
            UUID activation = rule.strategy() == null ? null : AccountRepository.findActivation(h, rule.accountId(), rule.strategy())
                    .map(AccountRepository.Activation::id)
                    .orElseThrow(() -> new IllegalArgumentException("account " + rule.accountId() + " has no strategy activation '"
                            + rule.strategy() + "'"));
            String columns = "strategy_activation_id = :activation, rule_type = :type, rule_unit = :unit, rule_value = :value, "
                    + "symbol = :symbol, current_value = :current, is_violated = :violated, violation_message = :message, "
                    + "is_active = :active, updated_at = CURRENT_TIMESTAMP";
            int updated = bind(h.createUpdate("UPDATE risk_rules SET " + columns + " WHERE id = :id AND account_id = :account"), rule,
                    user, activation).execute();
            if (updated == 0) {
                if (h.createQuery("SELECT COUNT(*) FROM risk_rules WHERE id = :id").bind("id", rule.id()).mapTo(Integer.class).one() > 0) {
                    throw new IllegalArgumentException("risk rule " + rule.id() + " belongs to another account than " + rule.accountId());
                }
                bind(h.createUpdate("INSERT INTO risk_rules (id, account_id, user_id, strategy_activation_id, rule_type, rule_unit, "
                        + "rule_value, symbol, current_value, is_violated, violation_message, is_active) VALUES (:id, :account, :user, "
                        + ":activation, :type, :unit, :value, :symbol, :current, :violated, :message, :active)"), rule, user, activation)
                        .execute();
            }
            return find(h, rule.id()).orElseThrow();
        }));
    }

    private static Update bind(Update u, RiskRuleRow r, UUID user, UUID activation) {
        return u.bind("id", r.id()).bind("account", r.accountId()).bind("user", user).bindByType("activation", activation, UUID.class)
                .bind("type", r.ruleType()).bind("unit", r.ruleUnit()).bind("value", r.ruleValue()).bind("symbol", r.symbol())
                .bind("current", r.currentValue()).bind("violated", r.violated()).bind("message", r.violationMessage())
                .bind("active", r.active());
    }

    /**
     * Records what was last observed for the rule: the current value, whether it is violated and
     * why ({@code null} is stored as no message). Refuses an unknown rule.
     */
    public void updateState(UUID ruleId, BigDecimal currentValue, boolean violated, String violationMessage) {
        Objects.requireNonNull(currentValue, "currentValue");
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE risk_rules SET current_value = :current, is_violated = :violated, "
                        + "violation_message = :message, updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("current", currentValue).bind("violated", violated).bind("message", violationMessage == null ? "" : violationMessage)
                .bind("id", ruleId).execute());
        if (updated == 0) {
            throw new IllegalArgumentException("no risk rule " + ruleId);
        }
    }

    public Optional<RiskRuleRow> find(UUID ruleId) {
        return jdbi.withHandle(h -> find(h, ruleId));
    }

    /** Every rule of the account, active or not, oldest first. */
    public List<RiskRuleRow> list(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE r.account_id = :account ORDER BY r.created_at, r.id")
                .bind("account", accountId).map(RiskRuleRepository::row).list());
    }

    /** The account's active rules, oldest first. */
    public List<RiskRuleRow> listActive(UUID accountId) {
        return list(accountId).stream().filter(RiskRuleRow::active).toList();
    }

    /** Every active rule of every active account, oldest first: what a risk engine starts with. */
    public List<RiskRuleRow> listAllActive() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "JOIN accounts a ON a.id = r.account_id WHERE r.is_active AND a.is_active "
                + "ORDER BY r.created_at, r.id").map(RiskRuleRepository::row).list());
    }

    /** Takes the rule out of force (soft delete: it stays, inactive, with its events); false when it was not active. */
    public boolean deactivate(UUID ruleId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE risk_rules SET is_active = FALSE, updated_at = CURRENT_TIMESTAMP "
                + "WHERE id = :id AND is_active").bind("id", ruleId).execute() > 0);
    }

    private static final String SELECT = "SELECT r.id, r.account_id, s.name AS strategy, r.symbol, r.rule_type, r.rule_unit, "
            + "r.rule_value, r.is_active, r.current_value, r.is_violated, r.violation_message FROM risk_rules r "
            + "LEFT JOIN strategy_activations s ON s.id = r.strategy_activation_id ";

    private static Optional<RiskRuleRow> find(Handle h, UUID id) {
        return h.createQuery(SELECT + "WHERE r.id = :id").bind("id", id).map(RiskRuleRepository::row).findOne();
    }

    private static RiskRuleRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RiskRuleRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("strategy"),
                rs.getString("symbol"), rs.getString("rule_type"), rs.getString("rule_unit"), SqlTypes.plain(rs, "rule_value"),
                rs.getBoolean("is_active"), SqlTypes.plain(rs, "current_value"), rs.getBoolean("is_violated"),
                rs.getString("violation_message"));
    }

    /** Runs a write, turning a refusal by the schema (a check, a key) into an {@link IllegalArgumentException} naming it. */
    static <T> T refusedByChecks(String what, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            throw SqlErrors.integrityViolation(e)
                    .<RuntimeException>map(v -> new IllegalArgumentException(what + " refused by the database: " + SqlErrors.summary(v), e))
                    .orElse(e);
        }
    }
}
