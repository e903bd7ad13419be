package io.tradebook.security;

import io.tradebook.core.access.PhoneNumber;
import io.tradebook.core.access.Role;
import io.tradebook.core.access.SmsSender;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.DuplicateException;
import io.tradebook.store.PhoneVerificationRepository;
import io.tradebook.store.PhoneVerificationRepository.CodeRow;
import io.tradebook.store.PhoneVerificationRepository.Purpose;
import io.tradebook.store.UserRepository;
import io.tradebook.store.UserRepository.NewUser;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time phone codes (seed 001): signing in (or up) with a phone number, and adding a verified
 * number to a signed-in user. Thread-safe.
 *
 * <p>A code has 6 digits, is sent through the {@link SmsSender} port, stored only as an HMAC under
 * a server key, expires after {@link SecuritySettings#phoneCodeLifetime()}, allows
 * {@link SecuritySettings#phoneCodeAttempts()} tries and works once. A number gets at most one code
 * per {@link SecuritySettings#phoneCodeInterval()}. Starting a sign-in says the same for known and
 * unknown numbers. A sign-in to a number no user has creates a phone-only user once the code is
 * verified. A number that an email user entered but never verified does not sign anyone into that
 * user: the verified code proves the caller owns the number, so the unproven claim is dropped and
 * the caller gets a user of their own.
 */
public final class PhoneCodes {
    private static final int DIGITS = 6;
    private final UserRepository users;
    private final PhoneVerificationRepository codes;
    private final SignIn signIn;
    private final SmsSender sms;
    private final byte[] codeKey;
    private final SecuritySettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public PhoneCodes(UserRepository users, PhoneVerificationRepository codes, SignIn signIn, SmsSender sms, byte[] codeKey,
                      SecuritySettings settings, AuditTrail audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.codeKey = codeKey.clone();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A code is on its way; it is valid for {@code expiresIn}. Immutable. */
    public record Sent(Duration expiresIn) {
    }

    /** Sends a sign-in code to {@code phoneNumber}. */
    public Outcome<Sent> startSignIn(String phoneNumber) {
        Optional<PhoneNumber> phone = PhoneNumber.parse(phoneNumber);
        if (phone.isEmpty()) {
            return Outcome.refused(badNumber());
        }
        UUID owner = users.findByPhone(phone.get().value()).map(UserRow::id).orElse(null);
        return send(phone.get(), Purpose.SIGN_IN, owner);
    }

    /** Checks a sign-in code; on success the caller is signed in. */
    public Outcome<SessionTokens> verifySignIn(String phoneNumber, String code, String userAgent) {
        Optional<PhoneNumber> phone = PhoneNumber.parse(phoneNumber);
        if (phone.isEmpty()) {
            return Outcome.refused(badNumber());
        }
        Outcome<CodeRow> checked = check(phone.get(), Purpose.SIGN_IN, null, code);
        if (!checked.isOk()) {
            return Outcome.refused(checked.refusal());
        }
        Instant now = clock.instant();
        UserRow user = users.findByPhone(phone.get().value()).orElse(null);
        if (user != null && !user.phoneVerified() && user.email() != null) {
            users.setPhone(user.id(), null, false, now);
            audit.record(LogLevel.WARNING, "auth", "an unverified phone number was claimed by its owner and removed from this user",
                    user.id(), Map.of("phone", phone.get().masked()));
            user = null;
        }
        if (user == null) {
            try {
                user = users.create(new NewUser(null, phone.get().value(), null, null, Role.USER, true), now);
                audit.record(LogLevel.INFO, "auth", "registered by phone", user.id(), Map.of("phone", phone.get().masked()));
            } catch (DuplicateException raced) {
                return Outcome.refused(Refusal.conflict("phoneNumber", "was registered at the same time; try again"));
            }
        } else if (!user.active()) {
            return Outcome.refused(Refusal.unauthenticated("this user is deactivated"));
        } else if (!user.phoneVerified()) {
            users.setPhone(user.id(), user.phoneNumber(), true, now);
        }
        audit.record(LogLevel.INFO, "auth", "signed in", user.id(), Map.of("method", "phone"));
        return Outcome.ok(signIn.openSession(user.id(), userAgent));
    }

    /** Sends a code to {@code phoneNumber} to add it to user {@code userId}. */
    public Outcome<Sent> startAttach(UUID userId, String phoneNumber) {
        Optional<PhoneNumber> phone = PhoneNumber.parse(phoneNumber);
        if (phone.isEmpty()) {
            return Outcome.refused(badNumber());
        }
        Optional<UserRow> holder = users.findByPhone(phone.get().value());
        if (holder.isPresent() && !holder.get().id().equals(userId) && holder.get().phoneVerified()) {
            return Outcome.refused(Refusal.conflict("phoneNumber", "belongs to another user"));
        }
        return send(phone.get(), Purpose.ATTACH, userId);
    }

    /** Checks a code sent by {@link #startAttach}; on success the number is the user's, verified. */
    public Outcome<UserRow> verifyAttach(UUID userId, String phoneNumber, String code) {
        Optional<PhoneNumber> phone = PhoneNumber.parse(phoneNumber);
        if (phone.isEmpty()) {
            return Outcome.refused(badNumber());
        }
        Outcome<CodeRow> checked = check(phone.get(), Purpose.ATTACH, userId, code);
        if (!checked.isOk()) {
            return Outcome.refused(checked.refusal());
        }
        Instant now = clock.instant();
        Optional<UserRow> holder = users.findByPhone(phone.get().value());
        if (holder.isPresent() && !holder.get().id().equals(userId)) {
            if (holder.get().phoneVerified() || holder.get().email() == null) {
                return Outcome.refused(Refusal.conflict("phoneNumber", "belongs to another user"));
            }
            users.setPhone(holder.get().id(), null, false, now);
        }
        try {
            users.setPhone(userId, phone.get().value(), true, now);
        } catch (DuplicateException raced) {
            return Outcome.refused(Refusal.conflict("phoneNumber", "belongs to another user"));
        }
        audit.record(LogLevel.INFO, "auth", "phone number verified", userId, Map.of("phone", phone.get().masked()));
        return Outcome.ok(users.find(userId).orElseThrow());
    }

    private Outcome<Sent> send(PhoneNumber phone, Purpose purpose, UUID userId) {
        Instant now = clock.instant();
        Optional<Instant> last = codes.lastSentAt(phone.value());
        if (last.isPresent() && now.isBefore(last.get().plus(settings.phoneCodeInterval()))) {
            return Outcome.refused(Refusal.tooMany("a code was just sent to this number; wait before asking again",
                    Duration.between(now, last.get().plus(settings.phoneCodeInterval()))));
        }
        String code = SecretTokens.newCode(DIGITS);
        UUID id = codes.create(userId, phone.value(), purpose, hash(phone, purpose, code), now.plus(settings.phoneCodeLifetime()),
                settings.phoneCodeAttempts(), now);
        sms.send(phone, "Your Tradebook code is " + code + ". It expires in " + settings.phoneCodeLifetime().toMinutes() + " minutes.");
        audit.record(LogLevel.INFO, "auth", "phone code sent", userId, Map.of("phone", phone.masked(), "purpose", purpose.name(),
                "request", id.toString()));
        return Outcome.ok(new Sent(settings.phoneCodeLifetime()));
    }

    private Outcome<CodeRow> check(PhoneNumber phone, Purpose purpose, UUID userId, String code) {
        Instant now = clock.instant();
        Optional<CodeRow> open = codes.latestOpen(phone.value(), purpose, userId, now);
        if (open.isEmpty()) {
            return Outcome.refused(Refusal.invalid("code", "has expired or was never sent; ask for a new code"));
        }
        CodeRow row = open.get();
        if (!codes.countAttempt(row.id())) {
            return Outcome.refused(Refusal.invalid("code", "has had too many wrong tries; ask for a new code"));
        }
        if (code == null || !SecretTokens.sameHash(hash(phone, purpose, code.strip()), row.codeHash())) {
            audit.record(LogLevel.WARNING, "auth", "wrong phone code", row.userId(), Map.of("phone", phone.masked(),
                    "attempt", Integer.toString(row.attempts() + 1)));
            return Outcome.refused(Refusal.invalid("code", "is wrong"));
        }
        if (!codes.consume(row.id(), now)) {
            return Outcome.refused(Refusal.invalid("code", "was already used; ask for a new code"));
        }
        return Outcome.ok(row);
    }

    private String hash(PhoneNumber phone, Purpose purpose, String code) {
        return SecretTokens.hmac(codeKey, purpose + ":" + phone.value() + ":" + code);
    }

    private static Refusal badNumber() {
        return Refusal.invalid("phoneNumber", "must be in E.164 form such as +41791234567");
    }
}
