package io.tradebook.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code risk_events} rows: each time a rule denied an order or was breached, the rule as it
 * was then ({@code ruleType}, {@code ruleValue}), what was observed, the order if there was one,
 * and the message. Append-only. Refuses with {@link IllegalArgumentException} an event whose rule
 * is unknown or belongs to another account, an unknown order, and what the schema's checks refuse.
 */
public final class RiskEventRepository {
    private final Jdbi jdbi;

    public RiskEventRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One event. Immutable. {@code orderId} and {@code observedValue} may be null; decimals come back without trailing zeros. */
    public record RiskEventRow(UUID ruleId, UUID accountId, UUID orderId, Instant time, String ruleType, BigDecimal ruleValue,
                               BigDecimal observedValue, String message) {
        public RiskEventRow {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(ruleType, "ruleType");
            Objects.requireNonNull(ruleValue, "ruleValue");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Stores the event; returns its id. */
    public long insert(RiskEventRow e) {
        return RiskRuleRepository.refusedByChecks("risk event of rule " + e.ruleId(), () -> jdbi.inTransaction(h -> {
            UUID owner = h.createQuery("SELECT account_id FROM risk_rules WHERE id = :id").bind("id", e.ruleId()).mapTo(UUID.class)
                    .findOne().orElseThrow(() -> new IllegalArgumentException("no risk rule " + e.ruleId()));
            if (!owner.equals(e.accountId())) {
                throw new IllegalArgumentException("risk rule " + e.ruleId() + " belongs to account " + owner + ", not " + e.accountId());
            }
            return h.createUpdate("INSERT INTO risk_events (rule_id, account_id, order_id, occurred_at, rule_type, rule_value, "
                            + "observed_value, message) VALUES (:rule, :account, :order, :time, :type, :value, :observed, :message)")
                    .bind("rule", e.ruleId()).bind("account", e.accountId()).bindByType("order", e.orderId(), UUID.class)
                    .bind("time", SqlTypes.utc(e.time())).bind("type", e.ruleType()).bind("value", e.ruleValue())
                    .bindByType("observed", e.observedValue(), BigDecimal.class).bind("message", e.message())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }));
    }

    /**
     * The account's events newest first, within {@code from} (inclusive) and {@code to} (exclusive)
     * when given, at most {@code limit}.
     */
    public List<RiskEventRow> recent(UUID accountId, java.time.Instant from, java.time.Instant to, int limit) {
        OrderHistory.requireLimit(limit);
        java.util.Map<String, Object> binds = new java.util.LinkedHashMap<>();
        binds.put("account", accountId);
        binds.put("limit", limit);
        if (from != null) {
            binds.put("from", SqlTypes.utc(from));
        }
        if (to != null) {
            binds.put("to", SqlTypes.utc(to));
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT rule_id, account_id, order_id, occurred_at, rule_type, rule_value, "
                        + "observed_value, message FROM risk_events WHERE account_id = :account"
                        + (from == null ? "" : " AND occurred_at >= :from") + (to == null ? "" : " AND occurred_at < :to")
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .bindMap(binds).map(RiskEventRepository::row).list());
    }

    private static RiskEventRow row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new RiskEventRow(rs.getObject("rule_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("order_id", UUID.class), SqlTypes.instant(rs, "occurred_at"), rs.getString("rule_type"),
                SqlTypes.plain(rs, "rule_value"), SqlTypes.plain(rs, "observed_value"), rs.getString("message"));
    }

    /** The account's events, oldest first. */
    public List<RiskEventRow> list(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT rule_id, account_id, order_id, occurred_at, rule_type, rule_value, "
                        + "observed_value, message FROM risk_events WHERE account_id = :account ORDER BY occurred_at, id")
                .bind("account", accountId)
                .map((rs, ctx) -> new RiskEventRow(rs.getObject("rule_id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getObject("order_id", UUID.class), SqlTypes.instant(rs, "occurred_at"), rs.getString("rule_type"),
                        SqlTypes.plain(rs, "rule_value"), SqlTypes.plain(rs, "observed_value"), rs.getString("message")))
                .list());
    }
}
