package io.tradebook.store;

/**
 * The kinds of resource that belong to a user, each with the query that finds its owner. The HTTP
 * adapter's tenancy check resolves an id of one of these kinds to its owner and answers 404 when
 * it is not the caller's; adding a kind here is how a new resource joins that check.
 *
 * <p>Each query takes the resource's id as {@code :id} and returns the owning user's id, and
 * returns nothing for a resource that is gone (revoked, soft-deleted).
 */
public enum Owned {
    /** A user: owned by themselves (administrators reach any user). */
    USER("SELECT id FROM users WHERE id = :id"),
    API_KEY("SELECT user_id FROM api_keys WHERE id = :id AND revoked_at IS NULL"),
    BROKER_CONNECTION("SELECT user_id FROM broker_connections WHERE id = :id AND is_active"),
    ACCOUNT("SELECT user_id FROM accounts WHERE id = :id AND is_active"),
    STRATEGY_ACTIVATION("SELECT a.user_id FROM strategy_activations s JOIN accounts a ON a.id = s.account_id "
            + "WHERE s.id = :id AND a.is_active");

    private final String ownerQuery;

    Owned(String ownerQuery) {
        this.ownerQuery = ownerQuery;
    }

    String ownerQuery() {
        return ownerQuery;
    }
}
