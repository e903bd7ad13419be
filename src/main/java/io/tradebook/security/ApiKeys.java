package io.tradebook.security;

import io.tradebook.core.access.Principal;
import io.tradebook.core.access.Scope;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.ApiKeyRepository;
import io.tradebook.store.ApiKeyRepository.KeyRow;
import io.tradebook.store.ApiKeyRepository.NewKey;
import io.tradebook.store.OwnerLookup;
import io.tradebook.store.Owned;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API keys (seed 004): created with scopes, shown once, stored hashed; listed, revoked, and
 * granted scopes by an administrator. Thread-safe.
 *
 * <p>A key is {@code tbk_} followed by 43 characters (256 random bits). Refuses: a blank or
 * over-long name, no scopes, {@code market-data} asked for by anyone but an administrator, a
 * strategy activation that is not the caller's, an expiry not in the future, a rate limit outside
 * 1…100,000 per minute.
 */
public final class ApiKeys {
    /** Every key starts with this, which tells it apart from an access token. */
    public static final String PREFIX = "tbk_";
    private static final int SHOWN_PREFIX = 12;
    private final ApiKeyRepository keys;
    private final OwnerLookup owners;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, OwnerLookup owners, AuditTrail audit, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new key and its secret, which is never available again. Immutable; {@link #toString()} hides the secret. */
    public record Created(KeyRow key, String secret) {
        @Override
        public String toString() {
            return "Created[" + key.id() + "]";
        }
    }

    /** What a caller asks for. Immutable. {@code scopes} null means read only. */
    public record Request(String name, Set<Scope> scopes, UUID strategyActivationId, Instant expiresAt, Integer rateLimitPerMinute) {
    }

    /** Creates a key for the caller. */
    public Outcome<Created> create(Principal caller, Request request) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "must have 1 to 100 characters"));
        }
        Set<Scope> scopes = request.scopes() == null ? EnumSet.of(Scope.READ) : request.scopes();
        if (scopes.isEmpty()) {
            problems.add(new FieldProblem("scopes", "must name at least one scope"));
        }
        if (scopes.contains(Scope.MARKET_DATA) && !caller.isAdmin()) {
            problems.add(new FieldProblem("scopes", "market-data is granted by an administrator only"));
        }
        if (request.strategyActivationId() != null
                && !owners.ownerOf(Owned.STRATEGY_ACTIVATION, request.strategyActivationId()).equals(Optional.of(caller.userId()))) {
            problems.add(new FieldProblem("strategyActivationId", "is not one of your strategy activations"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "must be in the future"));
        }
        Integer rate = request.rateLimitPerMinute();
        if (rate != null && (rate < 1 || rate > 100_000)) {
            problems.add(new FieldProblem("rateLimitPerMinute", "must be within 1…100000"));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        String secret = SecretTokens.newToken(PREFIX);
        KeyRow key = keys.create(new NewKey(caller.userId(), name, secret.substring(0, SHOWN_PREFIX), SecretTokens.sha256(secret), scopes,
                request.strategyActivationId(), rate, request.expiresAt()), now);
        audit.record(LogLevel.INFO, "api-keys", "API key created", caller.userId(), Map.of("key", key.id().toString(), "name", name,
                "scopes", labels(scopes)));
        return Outcome.ok(new Created(key, secret));
    }

    public List<KeyRow> list(UUID userId) {
        return keys.list(userId);
    }

    /** Key {@code id} if it is {@code userId}'s and not revoked. */
    public Optional<KeyRow> find(UUID userId, UUID id) {
        return keys.find(id).filter(k -> k.userId().equals(userId));
    }

    /** Revokes the user's key; false when there was no such usable key. */
    public boolean revoke(UUID userId, UUID id) {
        boolean revoked = keys.revoke(userId, id, clock.instant());
        if (revoked) {
            audit.record(LogLevel.INFO, "api-keys", "API key revoked", userId, Map.of("key", id.toString()));
        }
        return revoked;
    }

    /** An administrator sets the scopes of any key (the only way to {@code market-data} for a user's key). */
    public Outcome<KeyRow> setScopes(UUID administrator, UUID id, Set<Scope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return Outcome.refused(Refusal.invalid("scopes", "must name at least one scope"));
        }
        Optional<KeyRow> key = keys.setScopes(id, scopes);
        if (key.isEmpty()) {
            return Outcome.refused(Refusal.notFound("no API key " + id));
        }
        audit.record(LogLevel.INFO, "api-keys", "API key scopes set by an administrator", key.get().userId(),
                Map.of("key", id.toString(), "scopes", labels(scopes), "administrator", administrator.toString()));
        return Outcome.ok(key.get());
    }

    private static String labels(Set<Scope> scopes) {
        return scopes.stream().map(Scope::label).sorted().collect(Collectors.joining(","));
    }
}
