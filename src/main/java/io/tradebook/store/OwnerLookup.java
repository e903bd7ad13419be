package io.tradebook.store;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Finds who owns a resource of an {@link Owned} kind: one indexed query per lookup. Thread-safe. */
public final class OwnerLookup {
    private final Jdbi jdbi;

    public OwnerLookup(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The owner of resource {@code id} of kind {@code kind}; empty when there is no such (live) resource. */
    public Optional<UUID> ownerOf(Owned kind, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(kind.ownerQuery()).bind("id", id).mapTo(UUID.class).findOne());
    }
}
