package io.tradebook.trading;

import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.money.Currency;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.NewSecurity;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.TradingRules;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Adds securities to the security master for the order path: checked field by field, written with
 * their trading rules in one transaction, and the order path's cached view of the ticker dropped.
 * Thread-safe.
 *
 * <p>Refuses, as invalid fields: a ticker that is not 1…50 letters, digits or {@code . - _ ^ =};
 * a blank or over-long name, exchange or descriptive field; a missing type; a malformed currency; a
 * tick that is not positive or has more than 12 decimals; a lot or minimum that is not positive
 * (the minimum may be 0: one lot) or has more than 8 decimals; a quantity scale outside 0…8. As a
 * conflict: a ticker already listed on that exchange.
 */
public final class SecurityService {
    /** The exchange of a security added without one (the schema needs one; see V2). */
    public static final String DEFAULT_EXCHANGE = "OTC";
    private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._^=-]{0,49}");

    /** What adding a security asks for; null optional fields take their defaults. Immutable. */
    public record NewListing(String ticker, String name, SecurityType type, String exchange, String currency, BigDecimal tickSize,
                             BigDecimal lotSize, BigDecimal minQuantity, Integer quantityScale, String country, String sector,
                             String industry, String description) {
    }

    private final SecurityRepository securities;
    private final SecurityCache cache;
    private final AuditTrail audit;

    SecurityService(SecurityRepository securities, SecurityCache cache, AuditTrail audit) {
        this.securities = securities;
        this.cache = cache;
        this.audit = audit;
    }

    /** Adds the security, active, for {@code userId} (an administrator). */
    public Outcome<Security> create(UUID userId, NewListing n) {
        FieldChecks checks = new FieldChecks();
        String ticker = checks.text("ticker", n.ticker(), 50, true);
        if (ticker != null && !TICKER.matcher(ticker).matches()) {
            checks.problem("ticker", "must be letters, digits and . - _ ^ = (starting with a letter or digit)");
        }
        String name = checks.text("name", n.name(), 255, true);
        if (n.type() == null) {
            checks.problem("securityType", "is required");
        }
        String exchange = n.exchange() == null ? DEFAULT_EXCHANGE : checks.text("exchange", n.exchange(), 50, true);
        String currency = checks.currency("currency", n.currency());
        BigDecimal tick = checks.price("tickSize", n.tickSize(), false);
        BigDecimal lot = checks.quantity("lotSize", n.lotSize(), false);
        BigDecimal min = n.minQuantity() != null && n.minQuantity().signum() == 0 ? BigDecimal.ZERO
                : checks.quantity("minQuantity", n.minQuantity(), false);
        if (n.quantityScale() != null && (n.quantityScale() < 0 || n.quantityScale() > 8)) {
            checks.problem("quantityScale", "must be within 0…8");
        }
        String country = checks.text("country", n.country(), 50, false);
        String sector = checks.text("sector", n.sector(), 100, false);
        String industry = checks.text("industry", n.industry(), 100, false);
        String description = checks.text("description", n.description(), 10_000, false);
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        if (securities.find(ticker, exchange).isPresent()) {
            return Outcome.refused(Refusal.conflict("ticker", "is already listed on " + exchange));
        }
        Security created;
        try {
            created = securities.create(new NewSecurity(ticker, exchange, n.type(), name, Currency.of(currency), country, sector, industry,
                    description, "api"), new TradingRules(tick, lot, min, n.quantityScale()));
        } catch (IllegalArgumentException raced) {
            if (securities.find(ticker, exchange).isPresent()) {
                return Outcome.refused(Refusal.conflict("ticker", "is already listed on " + exchange));
            }
            throw raced;
        }
        cache.forget(ticker);
        audit.record(LogLevel.INFO, "securities", "security added", Objects.requireNonNull(userId, "userId"),
                Map.of("security", created.id().toString(), "ticker", ticker, "exchange", exchange));
        return Outcome.ok(created);
    }
}
