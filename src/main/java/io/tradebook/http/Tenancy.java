package io.tradebook.http;

import io.tradebook.core.access.Principal;
import io.tradebook.store.OwnerLookup;
import io.tradebook.store.Owned;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenancy rule: every resource belongs to a user, and a user who names another user's resource
 * gets 404, exactly as for a resource that does not exist, so ids reveal nothing. The request
 * pipeline applies it to every owned path parameter before a handler runs; handlers apply it to
 * ids that arrive elsewhere (a body, a query). Thread-safe.
 */
public final class Tenancy {
    private final OwnerLookup owners;

    public Tenancy(OwnerLookup owners) {
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /**
     * The id {@code raw} names, when it is a resource of kind {@code kind} owned by {@code caller};
     * otherwise a 404 problem (also for text that is not a UUID).
     */
    public UUID requireOwned(Owned kind, String raw, Principal caller) {
        UUID id = parse(kind, raw);
        Optional<UUID> owner = owners.ownerOf(kind, id);
        if (owner.isEmpty() || !owner.get().equals(caller.userId())) {
            throw missing(kind, raw);
        }
        return id;
    }

    /** The id {@code raw} names, when a resource of kind {@code kind} with it exists (whoever owns it); otherwise 404. */
    public UUID requireExists(Owned kind, String raw) {
        UUID id = parse(kind, raw);
        if (owners.ownerOf(kind, id).isEmpty()) {
            throw missing(kind, raw);
        }
        return id;
    }

    /** True when resource {@code id} of kind {@code kind} exists and is {@code caller}'s. */
    public boolean owns(Principal caller, Owned kind, UUID id) {
        return owners.ownerOf(kind, id).filter(caller.userId()::equals).isPresent();
    }

    private static UUID parse(Owned kind, String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (!id.toString().equalsIgnoreCase(raw)) {
                throw missing(kind, raw); // UUID.fromString accepts short forms such as 1-1-1-1-1
            }
            return id;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw missing(kind, raw);
        }
    }

    private static ProblemException missing(Owned kind, String raw) {
        String shown = raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return Problems.notFound("no " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " '" + shown + "'");
    }
}
