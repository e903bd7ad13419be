package io.tradebook.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps event-stream tickets ({@code stream_tickets}) by the SHA-256 hash of the ticket, never the
 * ticket itself. Taking a ticket deletes it in the same step, so a ticket works once even when two
 * server processes are handed it at the same moment. Thread-safe.
 */
public final class StreamTicketRepository {
    private final Jdbi jdbi;

    public StreamTicketRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** A stored ticket: whose, which credential asked for it, and until when it works. Immutable. */
    public record TicketRow(UUID userId, UUID sessionId, UUID apiKeyId, Instant expiresAt) {
    }

    /** Stores a ticket for the session or the API key (exactly one of them) of {@code userId}. */
    public void create(String ticketHash, UUID userId, UUID sessionId, UUID apiKeyId, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO stream_tickets (ticket_hash, user_id, session_id, api_key_id, created_at, expires_at) "
                        + "VALUES (:hash, :user, :session, :key, :now, :expires)")
                .bind("hash", ticketHash).bind("user", userId).bindByType("session", sessionId, UUID.class)
                .bindByType("key", apiKeyId, UUID.class).bind("now", SqlTypes.utc(now)).bind("expires", SqlTypes.utc(expiresAt)).execute());
    }

    /**
     * Takes the ticket with hash {@code ticketHash}: deletes it and returns it, whether or not it has
     * expired (the caller decides). Empty when there is none, or another caller took it first.
     */
    public Optional<TicketRow> take(String ticketHash) {
        return jdbi.inTransaction(h -> {
            Optional<TicketRow> row = h.createQuery("SELECT user_id, session_id, api_key_id, expires_at FROM stream_tickets "
                            + "WHERE ticket_hash = :hash")
                    .bind("hash", ticketHash)
                    .map((rs, ctx) -> new TicketRow(rs.getObject("user_id", UUID.class), rs.getObject("session_id", UUID.class),
                            rs.getObject("api_key_id", UUID.class), SqlTypes.instant(rs, "expires_at")))
                    .findOne();
            if (row.isEmpty()) {
                return row;
            }
            int deleted = h.createUpdate("DELETE FROM stream_tickets WHERE ticket_hash = :hash").bind("hash", ticketHash).execute();
            return deleted == 1 ? row : Optional.empty();
        });
    }

    /** Deletes tickets that expired before {@code cutoff}; returns how many. */
    public int deleteExpired(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM stream_tickets WHERE expires_at < :cutoff")
                .bind("cutoff", SqlTypes.utc(cutoff)).execute());
    }
}
