package io.tradebook.store;

import java.util.List;
import java.util.Map;

/**
 * What the retention job deletes for each data class of seed 004, in the database: the table, the
 * rows past the period and their key. The only place that lists what retention may touch. Classes
 * not listed here are never touched: the books and identities are kept forever, and a class whose
 * data is not in the database (live messages) is handled by the server that holds it. Immutable.
 *
 * @param table     the table
 * @param key       its key column (rows are deleted by key, in batches)
 * @param olderThan the condition on a row, with {@code :cutoff} (now minus the period)
 */
public record RetentionTarget(String table, String key, String olderThan) {

    /** The classes kept forever and why; the job refuses to give them a period. */
    private static final Map<String, String> PROTECTED = Map.of(
            "order_history", "orders, order events, fills and the journal are the books",
            "position_history", "holdings and round trips are the books",
            "user_profiles", "users, API keys, broker connections and accounts own the books",
            "strategy_configs", "strategies and activations are what the books are attributed to");

    /** What each class deletes, in order. */
    static final Map<String, List<RetentionTarget>> BY_CLASS = Map.of(
            "trading_sessions", List.of(new RetentionTarget("trading_sessions", "id", "status = 'COMPLETED' AND ended_at < :cutoff")),
            "risk_rules", List.of(
                    new RetentionTarget("risk_events", "id", "occurred_at < :cutoff"),
                    new RetentionTarget("risk_rules", "id", "is_active = FALSE AND updated_at < :cutoff")),
            "unread_notifications", List.of(new RetentionTarget("notifications", "id", "created_at < :cutoff")),
            "market_data_cache", List.of(new RetentionTarget("market_quotes", "security_id", "updated_at < :cutoff")),
            "active_user_sessions", List.of(
                    new RetentionTarget("user_sessions", "id", "(revoked_at IS NOT NULL AND revoked_at < :cutoff) OR expires_at < :cutoff"),
                    new RetentionTarget("stream_tickets", "ticket_hash", "expires_at < :cutoff")));

    /** The data class of live messages, kept in the server's memory (and passing through Redis), not in the database. */
    public static final String REALTIME = "realtime_order_status";

    /** True for a class the job never touches. */
    public static boolean protectedClass(String dataClass) {
        return PROTECTED.containsKey(dataClass);
    }

    /** Why {@code dataClass} is kept forever, or null when it is not protected. */
    public static String whyProtected(String dataClass) {
        return PROTECTED.get(dataClass);
    }

    /** What the job does for {@code dataClass}, in words, for the policy list. */
    public static String describe(String dataClass) {
        if (protectedClass(dataClass)) {
            return "never touched: " + whyProtected(dataClass);
        }
        if (REALTIME.equals(dataClass)) {
            return "drops live events older than the period from each server's resume buffers (nothing is stored)";
        }
        List<RetentionTarget> targets = BY_CLASS.get(dataClass);
        if (targets == null) {
            return "not known to this version: never touched";
        }
        return "deletes " + String.join("; ", targets.stream().map(t -> t.table() + " where " + t.olderThan().replace(":cutoff", "now - period"))
                .toList());
    }
}
