package io.tradebook.store;

/**
 * The kinds of resource that belong to a user, each with the query that finds its owner. The HTTP
 * adapter's tenancy check resolves an id of one of these kinds to its owner and answers 404 when
 * it is not the caller's; adding a kind here is how a new resource joins that check.
 *
 * <p>Each query takes the resource's id as {@code :id} and returns the owning user's id, and
 * returns nothing for a resource that is gone (revoked, soft-deleted) or owned by no user. Most
 * kinds are identified by a UUID; those whose rows are numbered ({@link #numbered()}) by a
 * positive whole number.
 */
public enum Owned {
    /** A user: owned by themselves (administrators reach any user). */
    USER("SELECT id FROM users WHERE id = :id"),
    API_KEY("SELECT user_id FROM api_keys WHERE id = :id AND revoked_at IS NULL"),
    BROKER_CONNECTION("SELECT user_id FROM broker_connections WHERE id = :id AND is_active"),
    ACCOUNT("SELECT user_id FROM accounts WHERE id = :id AND is_active"),
    STRATEGY_ACTIVATION("SELECT a.user_id FROM strategy_activations s JOIN accounts a ON a.id = s.account_id "
            + "WHERE s.id = :id AND a.is_active"),
    /** An order, owned through its account. */
    ORDER("SELECT a.user_id FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.id = :id AND a.is_active"),
    /** A risk rule that is still in force, owned through its account. */
    RISK_RULE("SELECT a.user_id FROM risk_rules r JOIN accounts a ON a.id = r.account_id WHERE r.id = :id AND r.is_active "
            + "AND a.is_active"),
    /** A trading session, owned through its account. */
    TRADING_SESSION("SELECT a.user_id FROM trading_sessions t JOIN accounts a ON a.id = t.account_id WHERE t.id = :id AND a.is_active"),
    /** A notification addressed to one user (system-wide ones belong to nobody). */
    NOTIFICATION("SELECT user_id FROM notifications WHERE id = :id AND user_id IS NOT NULL", true),
    /** A backtest submitted through the API. */
    BACKTEST_RUN("SELECT user_id FROM backtest_runs WHERE id = :id"),
    /** A trade idea that is not deleted. */
    TRADE_IDEA("SELECT user_id FROM trade_ideas WHERE id = :id AND is_active");

    private final String ownerQuery;
    private final boolean numbered;

    Owned(String ownerQuery) {
        this(ownerQuery, false);
    }

    Owned(String ownerQuery, boolean numbered) {
        this.ownerQuery = ownerQuery;
        this.numbered = numbered;
    }

    /** True when ids of this kind are positive whole numbers (a {@code BIGINT} key), false for UUIDs. */
    public boolean numbered() {
        return numbered;
    }

    String ownerQuery() {
        return ownerQuery;
    }
}
