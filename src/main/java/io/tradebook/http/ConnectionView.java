package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.security.BrokerConnections;
import io.tradebook.store.BrokerConnectionRepository.ConnectionRow;
import java.time.Instant;
import java.util.UUID;

/** A broker connection as the API shows it: which credentials are stored, never their values. Immutable. */
record ConnectionView(UUID id, String broker, String accountNumber, String server, boolean canRead, boolean canTrade,
                      boolean connected,
                      @JsonPropertyDescription("CONNECTED or NOT_CONNECTED") String status,
                      @JsonPropertyDescription("Why it is not connected; null when connected") String statusMessage,
                      Instant lastConnectedAt, StoredCredentials credentials, Instant createdAt, Instant updatedAt) {

    /** Which credentials are stored (encrypted). Immutable. */
    record StoredCredentials(boolean apiKey, boolean apiSecret, boolean accessToken) {
    }

    static ConnectionView of(ConnectionRow c) {
        return new ConnectionView(c.id(), c.broker(), c.accountNumber(), c.server(), c.canRead(), c.canTrade(), c.connected(),
                c.connected() ? "CONNECTED" : "NOT_CONNECTED", BrokerConnections.statusMessage(c), c.lastConnectedAt(),
                new StoredCredentials(c.credentials().apiKey() != null, c.credentials().apiSecret() != null,
                        c.credentials().accessToken() != null), c.createdAt(), c.updatedAt());
    }
}
