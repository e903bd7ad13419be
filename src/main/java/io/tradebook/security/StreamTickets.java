package io.tradebook.security;

import io.tradebook.core.access.Principal;
import io.tradebook.store.ApiKeyRepository;
import io.tradebook.store.SessionRepository;
import io.tradebook.store.StreamTicketRepository;
import io.tradebook.store.StreamTicketRepository.TicketRow;
import io.tradebook.store.UserRepository;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Short-lived tickets that open the event stream where headers cannot be sent (a browser's
 * {@code EventSource} sends none): a signed-in caller asks for one, and puts it in the stream's URL
 * as {@code ?ticket=}. So no lasting credential ever appears in a URL (and in the logs that keep
 * URLs). Thread-safe.
 *
 * <p>A ticket ({@code tbt_} + 43 characters) is shown once, stored only as its hash, works for
 * {@link #LIFETIME} and once only, and stands for the credential that asked for it: it stops working
 * when that session ends or that key is revoked. Redeeming refuses (as unauthenticated) an unknown,
 * used or expired ticket and one whose credential has ended.
 */
public final class StreamTickets {
    /** How long a ticket works. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    static final String PREFIX = "tbt_";

    private final StreamTicketRepository tickets;
    private final SessionRepository sessions;
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Clock clock;

    public StreamTickets(StreamTicketRepository tickets, SessionRepository sessions, ApiKeyRepository keys, UserRepository users,
                         Clock clock) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new ticket and when it stops working. Immutable. */
    public record Issued(String ticket, Instant expiresAt) {
    }

    /** A new ticket for {@code caller}'s credential. */
    public Issued issue(Principal caller) {
        Instant now = clock.instant();
        String ticket = SecretTokens.newToken(PREFIX);
        Instant expires = now.plus(LIFETIME);
        tickets.create(SecretTokens.sha256(ticket), caller.userId(), caller.sessionId(), caller.apiKeyId(), now, expires);
        return new Issued(ticket, expires);
    }

    /** The caller that {@code ticket} stands for, as they are now; the ticket is used up either way. */
    public Outcome<Principal> redeem(String ticket) {
        if (ticket == null || !ticket.startsWith(PREFIX) || ticket.length() > 100) {
            return Outcome.refused(Refusal.unauthenticated("the stream ticket is not valid"));
        }
        Instant now = clock.instant();
        Optional<TicketRow> row = tickets.take(SecretTokens.sha256(ticket));
        if (row.isEmpty() || !now.isBefore(row.get().expiresAt())) {
            return Outcome.refused(Refusal.unauthenticated("the stream ticket is unknown, used or expired; ask for a new one"));
        }
        TicketRow t = row.get();
        Optional<Principal> current = current(t.userId(), t.sessionId(), t.apiKeyId(), now);
        return current.map(Outcome::ok)
                .orElseGet(() -> Outcome.refused(Refusal.unauthenticated("the sign-in or key behind this ticket has ended")));
    }

    /** True while {@code caller}'s credential (session or key) still holds and their user is active. */
    public boolean stillValid(Principal caller) {
        return current(caller.userId(), caller.sessionId(), caller.apiKeyId(), clock.instant()).isPresent();
    }

    private Optional<Principal> current(java.util.UUID userId, java.util.UUID sessionId, java.util.UUID apiKeyId, Instant now) {
        if (sessionId != null) {
            return sessions.liveUser(sessionId, now).filter(u -> u.id().equals(userId))
                    .map(u -> Principal.session(u.id(), u.role(), u.subscription(), sessionId));
        }
        return keys.find(apiKeyId).filter(k -> k.userId().equals(userId) && (k.expiresAt() == null || now.isBefore(k.expiresAt())))
                .flatMap(k -> users.find(k.userId()).filter(UserRow::active)
                        .map(u -> Principal.apiKey(u.id(), u.role(), u.subscription(), k.id(), k.scopes(), k.strategyActivationId())));
    }
}
