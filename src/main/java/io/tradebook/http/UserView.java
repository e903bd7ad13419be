package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Role;
import io.tradebook.core.access.SubscriptionStatus;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows them (never the password hash). Immutable. */
record UserView(UUID id, String email, String phoneNumber,
                @JsonPropertyDescription("True once the phone number was confirmed with a one-time code") boolean phoneVerified,
                String fullName, Role role, boolean active, SubscriptionView subscription, Instant createdAt, Instant lastLogin) {

    /** A subscription and what it allows now. Immutable. */
    record SubscriptionView(
            @JsonPropertyDescription("The status as of now: EXPIRED once expiresAt has passed") SubscriptionStatus status,
            Instant expiresAt,
            @JsonPropertyDescription("Whether the user may trade now; an expired subscription may still read") boolean canTrade) {
    }

    static UserView of(UserRow u, Instant now) {
        return new UserView(u.id(), u.email(), u.phoneNumber(), u.phoneVerified(), u.fullName(), u.role(), u.active(),
                new SubscriptionView(u.subscription().statusAt(now), u.subscription().expiresAt(), u.subscription().allowsTrading(now)),
                u.createdAt(), u.lastLogin());
    }
}
