package io.tradebook.store;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds who owns a resource of an {@link Owned} kind: one indexed query per lookup, except that
 * the owner of an account, asked on every request about it, may come from a recent answer (at most
 * {@link RecentAnswers#LIFETIME} old, and none from before an access change in this process, such
 * as the account's deactivation). Thread-safe.
 */
public final class OwnerLookup {
    private final Jdbi jdbi;
    private final RecentAnswers<UUID, UUID> accountOwners = new RecentAnswers<>(100_000);

    public OwnerLookup(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The owner of resource {@code id} of kind {@code kind}; empty when there is no such (live) resource. */
    public Optional<UUID> ownerOf(Owned kind, UUID id) {
        if (kind.numbered()) {
            throw new IllegalArgumentException(kind + " ids are numbers, not UUIDs");
        }
        if (kind == Owned.ACCOUNT) {
            return accountOwners.get(id, account -> query(kind, account));
        }
        return query(kind, id);
    }

    private Optional<UUID> query(Owned kind, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(kind.ownerQuery()).bind("id", id).mapTo(UUID.class).findOne());
    }

    /** The owner of numbered resource {@code id} of kind {@code kind}; empty when there is no such (live) resource. */
    public Optional<UUID> ownerOf(Owned kind, long id) {
        if (!kind.numbered()) {
            throw new IllegalArgumentException(kind + " ids are UUIDs, not numbers");
        }
        return jdbi.withHandle(h -> h.createQuery(kind.ownerQuery()).bind("id", id).mapTo(UUID.class).findOne());
    }
}
