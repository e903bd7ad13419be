package io.tradebook.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The retention policies ({@code retention_policies}, seed 004): how many days each class of data
 * is kept (null: forever) and whether its policy is applied. Thread-safe.
 *
 * <p>Refuses to give a retention period to a class the job may never touch ({@link RetentionTarget#protectedClass}):
 * the books (orders, fills, the journal, holdings, round trips), users and their credentials, and
 * strategy configurations are kept forever whatever the table says.
 */
public final class RetentionPolicies {
    private final Jdbi jdbi;

    public RetentionPolicies(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One policy as stored. Immutable. */
    public record Policy(String dataClass, Integer retentionDays, String appliesTo, boolean enabled, Instant updatedAt) {
    }

    /** Every policy, by data class. */
    public List<Policy> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT data_class, retention_days, applies_to, is_enabled, updated_at "
                + "FROM retention_policies ORDER BY data_class").map((rs, ctx) -> new Policy(rs.getString("data_class"),
                (Integer) rs.getObject("retention_days"), rs.getString("applies_to"), rs.getBoolean("is_enabled"),
                SqlTypes.instant(rs, "updated_at"))).list());
    }

    public Optional<Policy> find(String dataClass) {
        return list().stream().filter(p -> p.dataClass().equals(dataClass)).findFirst();
    }

    /**
     * Sets a policy's period ({@code days} null: forever) and whether it is applied; a null
     * argument keeps that part as it is unless {@code setDays} says to set the period (to forever).
     *
     * @throws IllegalArgumentException for a protected class given a period, or a period below 1 day
     */
    public Optional<Policy> update(String dataClass, boolean setDays, Integer days, Boolean enabled, Instant now) {
        if (setDays && days != null && days < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1, or null for forever");
        }
        if (setDays && days != null && RetentionTarget.protectedClass(dataClass)) {
            throw new IllegalArgumentException(dataClass + " is kept forever: " + RetentionTarget.whyProtected(dataClass));
        }
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE retention_policies SET retention_days = CASE WHEN :setDays THEN :days ELSE retention_days END, "
                            + "is_enabled = COALESCE(:enabled, is_enabled), updated_at = :now WHERE data_class = :class")
                    .bind("setDays", setDays).bindByType("days", days, Integer.class).bindByType("enabled", enabled, Boolean.class)
                    .bind("now", SqlTypes.utc(now)).bind("class", dataClass).execute();
            return changed == 0 ? Optional.<Policy>empty() : find(dataClass);
        });
    }
}
