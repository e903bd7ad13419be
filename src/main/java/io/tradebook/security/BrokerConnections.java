package io.tradebook.security;

import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.BrokerConnectionRepository;
import io.tradebook.store.BrokerConnectionRepository.ConnectionRow;
import io.tradebook.store.BrokerConnectionRepository.EncryptedCredentials;
import io.tradebook.store.BrokerConnectionRepository.Permissions;
import io.tradebook.store.DuplicateException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Broker connections (seeds 001, 003, 004): which broker account a user trades through, with its
 * credentials encrypted at rest by {@link CredentialCipher} and never handed out except in plain
 * form to a broker adapter ({@link #credentials}). Thread-safe.
 *
 * <p>Only the {@code paper} broker can be connected today: a connection to it is connected at
 * once; connections to other brokers are stored and report that no adapter exists yet. The
 * {@code can_read}/{@code can_trade} flags are enforced by {@link #permissionToTrade} and
 * {@link #permissionToRead}, which order and account routes call.
 *
 * <p>Refuses: an unknown broker; a missing account number (except for {@code paper}, which gets
 * one); over-long fields; blank credentials; a second active connection to the same broker account.
 */
public final class BrokerConnections {
    /** The brokers of {@code ck_broker_connections_broker}. */
    public static final Set<String> BROKERS = Set.of("paper", "alpaca", "swissquote", "ibkr", "tradier", "tradelocker", "angel_one",
            "manual");
    /** The only broker with an adapter today. */
    public static final String PAPER = "paper";
    private static final int MAX_CREDENTIAL = 4096;

    private final BrokerConnectionRepository connections;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    public BrokerConnections(BrokerConnectionRepository connections, CredentialCipher cipher, AuditTrail audit, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new connection as asked for. Immutable. {@code canRead}/{@code canTrade} null mean true/false. */
    public record Draft(String broker, String accountNumber, String server, BrokerCredentials credentials, Boolean canRead,
                        Boolean canTrade) {
    }

    /** A change to a connection: each field kept or set. Immutable. */
    public record Change(Edit<String> accountNumber, Edit<String> server, Edit<String> apiKey, Edit<String> apiSecret,
                         Edit<String> accessToken, Edit<Boolean> canRead, Edit<Boolean> canTrade) {
    }

    /** Connects the user to a broker account. */
    public Outcome<ConnectionRow> create(UUID userId, Draft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String broker = draft.broker() == null ? "" : draft.broker().strip().toLowerCase(Locale.ROOT);
        if (!BROKERS.contains(broker)) {
            problems.add(new FieldProblem("broker", "must be one of " + String.join(", ", BROKERS.stream().sorted().toList())));
        }
        String number = draft.accountNumber() == null ? null : draft.accountNumber().strip();
        if (number == null && PAPER.equals(broker)) {
            number = "PAPER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
        checkText(problems, "accountNumber", number, 255, true);
        checkText(problems, "server", draft.server(), 100, false);
        BrokerCredentials plain = draft.credentials() == null ? BrokerCredentials.NONE : draft.credentials();
        checkText(problems, "apiKey", plain.apiKey(), MAX_CREDENTIAL, false);
        checkText(problems, "apiSecret", plain.apiSecret(), MAX_CREDENTIAL, false);
        checkText(problems, "accessToken", plain.accessToken(), MAX_CREDENTIAL, false);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        Instant now = clock.instant();
        Optional<ConnectionRow> earlier = connections.findByAccount(userId, broker, number);
        if (earlier.isPresent() && earlier.get().active()) {
            return Outcome.refused(Refusal.conflict("accountNumber", "is already connected"));
        }
        UUID id = earlier.map(ConnectionRow::id).orElseGet(UUID::randomUUID);
        boolean connected = PAPER.equals(broker);
        ConnectionRow row = new ConnectionRow(id, userId, broker, number, blankToNull(draft.server()), encrypt(id, plain), true, connected,
                connected ? now : null, draft.canRead() == null || draft.canRead(), draft.canTrade() != null && draft.canTrade(),
                earlier.map(ConnectionRow::createdAt).orElse(now), now);
        try {
            ConnectionRow saved = connections.save(row);
            audit.record(LogLevel.INFO, "broker-connections", earlier.isPresent() ? "broker connection restored" : "broker connection created",
                    userId, Map.of("connection", id.toString(), "broker", broker, "credentials", plain.toString()));
            return Outcome.ok(saved);
        } catch (DuplicateException raced) {
            return Outcome.refused(Refusal.conflict("accountNumber", "is already connected"));
        }
    }

    public List<ConnectionRow> list(UUID userId) {
        return connections.list(userId);
    }

    public Optional<ConnectionRow> find(UUID userId, UUID id) {
        return connections.find(userId, id);
    }

    /** Changes the user's active connection {@code id}. */
    public Outcome<ConnectionRow> change(UUID userId, UUID id, Change change) {
        Optional<ConnectionRow> found = connections.find(userId, id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no broker connection " + id));
        }
        ConnectionRow c = found.get();
        List<FieldProblem> problems = new ArrayList<>();
        String number = change.accountNumber().apply(c.accountNumber());
        checkText(problems, "accountNumber", number, 255, true);
        String server = change.server().apply(c.server());
        checkText(problems, "server", server, 100, false);
        checkText(problems, "apiKey", change.apiKey().apply(null), MAX_CREDENTIAL, false);
        checkText(problems, "apiSecret", change.apiSecret().apply(null), MAX_CREDENTIAL, false);
        checkText(problems, "accessToken", change.accessToken().apply(null), MAX_CREDENTIAL, false);
        Boolean canRead = change.canRead().apply(c.canRead());
        Boolean canTrade = change.canTrade().apply(c.canTrade());
        if (canRead == null) {
            problems.add(new FieldProblem("canRead", "must be true or false"));
        }
        if (canTrade == null) {
            problems.add(new FieldProblem("canTrade", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        EncryptedCredentials old = c.credentials();
        EncryptedCredentials credentials = new EncryptedCredentials(
                reseal(change.apiKey(), old.apiKey(), id, "api_key"),
                reseal(change.apiSecret(), old.apiSecret(), id, "api_secret"),
                reseal(change.accessToken(), old.accessToken(), id, "access_token"));
        Instant now = clock.instant();
        ConnectionRow changed = new ConnectionRow(id, userId, c.broker(), number.strip(), blankToNull(server), credentials, true, c.connected(),
                c.lastConnectedAt(), canRead, canTrade, c.createdAt(), now);
        try {
            ConnectionRow saved = connections.save(changed);
            audit.record(LogLevel.INFO, "broker-connections", "broker connection changed", userId, Map.of("connection", id.toString(),
                    "credentialsChanged", Boolean.toString(change.apiKey().isSet() || change.apiSecret().isSet()
                            || change.accessToken().isSet()), "canRead", canRead.toString(), "canTrade", canTrade.toString()));
            return Outcome.ok(saved);
        } catch (DuplicateException e) {
            return Outcome.refused(Refusal.conflict("accountNumber", "is already connected"));
        }
    }

    /** Deletes (deactivates) the user's connection and wipes its credentials; false when there was none. */
    public boolean delete(UUID userId, UUID id) {
        boolean deleted = connections.deactivate(userId, id, clock.instant());
        if (deleted) {
            audit.record(LogLevel.INFO, "broker-connections", "broker connection deleted", userId, Map.of("connection", id.toString()));
        }
        return deleted;
    }

    /** The plain credentials of a connection, for a broker adapter only. */
    public BrokerCredentials credentials(ConnectionRow connection) {
        EncryptedCredentials e = connection.credentials();
        return new BrokerCredentials(open(e.apiKey(), connection.id(), "api_key"), open(e.apiSecret(), connection.id(), "api_secret"),
                open(e.accessToken(), connection.id(), "access_token"));
    }

    /** Whether account {@code accountId} may trade through its connection: active, connected and {@code can_trade}. */
    public Outcome<Permissions> permissionToTrade(UUID accountId) {
        return permission(accountId, true);
    }

    /** Whether account {@code accountId} may read from its broker: active, connected and {@code can_read}. */
    public Outcome<Permissions> permissionToRead(UUID accountId) {
        return permission(accountId, false);
    }

    private Outcome<Permissions> permission(UUID accountId, boolean trade) {
        Optional<Permissions> found = connections.permissionsOfAccount(accountId);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no account " + accountId));
        }
        Permissions p = found.get();
        if (!p.active()) {
            return Outcome.refused(Refusal.forbidden("the account's broker connection was deleted"));
        }
        if (!p.connected()) {
            return Outcome.refused(Refusal.forbidden("the account's broker connection (" + p.broker() + ") is not connected"));
        }
        if (trade ? !p.canTrade() : !p.canRead()) {
            return Outcome.refused(Refusal.forbidden("the account's broker connection does not allow "
                    + (trade ? "trading (canTrade is false)" : "reading (canRead is false)")));
        }
        return Outcome.ok(p);
    }

    /** Why a connection is not connected, or null when it is. */
    public static String statusMessage(ConnectionRow c) {
        if (c.connected()) {
            return null;
        }
        return PAPER.equals(c.broker()) ? "not connected" : "stored, not connected: Tradebook has no adapter for broker '" + c.broker()
                + "' yet";
    }

    private EncryptedCredentials encrypt(UUID id, BrokerCredentials plain) {
        return new EncryptedCredentials(seal(plain.apiKey(), id, "api_key"), seal(plain.apiSecret(), id, "api_secret"),
                seal(plain.accessToken(), id, "access_token"));
    }

    private String reseal(Edit<String> edit, String current, UUID id, String field) {
        return edit.isSet() ? seal(edit.apply(null), id, field) : current;
    }

    private String seal(String plain, UUID id, String field) {
        return plain == null ? null : cipher.encrypt(plain, context(id, field));
    }

    private String open(String sealed, UUID id, String field) {
        return sealed == null ? null : cipher.decrypt(sealed, context(id, field));
    }

    private static String context(UUID id, String field) {
        return "broker_connections:" + id + ":" + field;
    }

    private static void checkText(List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return;
        }
        if (value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must have at most " + max + " characters"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
