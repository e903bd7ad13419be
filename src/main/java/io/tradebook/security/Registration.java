package io.tradebook.security;

import io.tradebook.core.access.EmailAddress;
import io.tradebook.core.access.PasswordPolicy;
import io.tradebook.core.access.PhoneNumber;
import io.tradebook.core.access.Role;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.DuplicateException;
import io.tradebook.store.UserRepository;
import io.tradebook.store.UserRepository.NewUser;
import io.tradebook.store.UserRepository.UserRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating users with email and password, and the first administrator. Thread-safe.
 *
 * <p>Refuses, naming every field at fault: an email that is not one, a password that breaks
 * {@link PasswordPolicy}, a blank or over-long full name, a phone number not in E.164 form; and, as
 * a conflict, an email or phone number another user has. A phone number given here is stored
 * unverified.
 */
public final class Registration {
    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public Registration(UserRepository users, PasswordHasher passwords, AuditTrail audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers a user (role USER). */
    public Outcome<UserRow> register(String email, String password, String fullName, String phoneNumber) {
        return create(email, password, fullName, phoneNumber, Role.USER);
    }

    /**
     * Creates the first administrator from {@code email} and {@code password} if there is no
     * administrator yet. Does nothing when one exists; refuses (logging why) when the email already
     * belongs to a user, since promoting an account someone else may have registered would hand them
     * the server.
     */
    public Optional<UserRow> ensureAdministrator(String email, String password) {
        if (users.anyAdministrator()) {
            return Optional.empty();
        }
        Outcome<UserRow> created = create(email, password, "Administrator", null, Role.ADMIN);
        if (!created.isOk()) {
            throw new IllegalArgumentException("cannot create the first administrator from TRADEBOOK_ADMIN_EMAIL and "
                    + "TRADEBOOK_ADMIN_PASSWORD: " + created.refusal().fields());
        }
        LOG.info("created the first administrator {}", created.value().email());
        return Optional.of(created.value());
    }

    private Outcome<UserRow> create(String email, String password, String fullName, String phoneNumber, Role role) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<EmailAddress> address = EmailAddress.parse(email);
        if (address.isEmpty()) {
            problems.add(new FieldProblem("email", "must be an email address such as ada@example.com"));
        }
        PasswordPolicy.problems(password, address.map(EmailAddress::value).orElse(null))
                .forEach(p -> problems.add(new FieldProblem("password", p)));
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.length() > 255) {
            problems.add(new FieldProblem("fullName", "must have 1 to 255 characters"));
        }
        Optional<PhoneNumber> phone = PhoneNumber.parse(phoneNumber);
        if (phoneNumber != null && phone.isEmpty()) {
            problems.add(new FieldProblem("phoneNumber", "must be in E.164 form such as +41791234567"));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        try {
            UserRow user = users.create(new NewUser(address.get().value(), phone.map(PhoneNumber::value).orElse(null), name,
                    passwords.hash(password), role, false), clock.instant());
            audit.record(LogLevel.INFO, "auth", role == Role.ADMIN ? "first administrator created" : "registered", user.id(),
                    Map.of("email", user.email()));
            return Outcome.ok(user);
        } catch (DuplicateException e) {
            return Outcome.refused(Refusal.conflict(e.field(), "is already registered"));
        }
    }
}
