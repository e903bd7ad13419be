package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.security.FieldProblem;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityFilter;
import io.tradebook.store.SecurityRepository;
import io.tradebook.trading.SecurityService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The security master and its bars ({@code /api/securities}): administrators add securities;
 * everyone with the read scope lists them and reads their stored bars. Securities belong to no
 * user, so their ids are checked for existence only (404 when unknown).
 */
final class SecurityRoutes implements RouteModule {
    private static final String TAG = "Securities";
    private static final String PATH = "/api/securities";
    private static final String ONE = PATH + "/{securityId}";
    private static final int MAX_BARS = 10_000;

    /** POST body. Immutable. */
    record NewSecurityRequest(@JsonProperty(required = true) String ticker, @JsonProperty(required = true) String name,
                              @JsonProperty(required = true) SecurityType securityType,
                              @JsonPropertyDescription("Default " + SecurityService.DEFAULT_EXCHANGE) String exchange,
                              @JsonPropertyDescription("Default USD") String currency,
                              @JsonPropertyDescription("Price increment; default the type's (0.01)") BigDecimal tickSize,
                              @JsonPropertyDescription("Quantity increment; default the type's (1, or 1e-8 for crypto)") BigDecimal lotSize,
                              @JsonPropertyDescription("Smallest order; default one lot") BigDecimal minQuantity,
                              @JsonPropertyDescription("Decimals a quantity may have, 0…8 (sets the lot when lotSize is absent)")
                              Integer quantityScale,
                              String country, String sector, String industry, String description) {
    }

    /** A security with the trading rules the order path applies to it. Immutable. */
    record SecurityView(UUID id, String ticker, String exchange, SecurityType securityType, String name, String currency, String country,
                        String sector, String industry, String description, boolean active,
                        @JsonPropertyDescription("In force: set, or the type's default") BigDecimal tickSize,
                        BigDecimal lotSize, BigDecimal minQuantity, Integer quantityScale, String dataSource) {
        static SecurityView of(Security s) {
            Instrument rules = SecurityRepository.instrument(s);
            return new SecurityView(s.id(), s.ticker(), s.exchange(), s.type(), s.name(), s.currency().code(), s.country(), s.sector(),
                    s.industry(), s.description(), s.active(), Plain.of(rules.tickSize()), Plain.of(rules.lotSize()),
                    Plain.of(rules.minQuantity()), s.rules().quantityScale(), s.dataSource());
        }
    }

    /** Securities. Immutable. */
    record SecurityList(List<SecurityView> securities) {
    }

    /** One bar; open, high, low and volume are null in a close-only series. Immutable. */
    record BarView(Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        static BarView of(Bar b) {
            return b.closeOnly() ? new BarView(b.time(), null, null, null, Plain.of(b.close()), null)
                    : new BarView(b.time(), Plain.of(b.open()), Plain.of(b.high()), Plain.of(b.low()), Plain.of(b.close()),
                    Plain.of(b.volume()));
        }
    }

    /** Bars of one security and timeframe, in time order. Immutable. */
    record BarList(UUID securityId, String ticker, String timeframe, List<BarView> bars,
                   @JsonPropertyDescription("Where the next bars start (pass as from); null when none are left in the range")
                   Instant next) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        SecurityRepository securities = new SecurityRepository(context.database().jdbi());
        PriceHistoryRepository bars = new PriceHistoryRepository(context.database().jdbi());
        SecurityService service = context.trading().securities();
        routes.add(Route.post(PATH).tag(TAG).summary("Add a security (administrators)").access(Access.admin())
                .body(NewSecurityRequest.class).responds(201, SecurityView.class, "The security, active")
                .fails(409, "The ticker is already listed on that exchange")
                .handle(call -> {
                    NewSecurityRequest n = call.body(NewSecurityRequest.class);
                    return Reply.created(SecurityView.of(call.unwrap(service.create(call.userId(), new SecurityService.NewListing(n.ticker(),
                            n.name(), n.securityType(), n.exchange(), n.currency(), n.tickSize(), n.lotSize(), n.minQuantity(),
                            n.quantityScale(), n.country(), n.sector(), n.industry(), n.description())))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("The security master").access(Access.scope(Scope.READ))
                .query("ticker", String.class, false, "Only this ticker (on any exchange)")
                .query("type", SecurityType.class, false, "Only this type").query("exchange", String.class, false, "Only this exchange")
                .query("sector", String.class, false, "Only this sector")
                .query("includeInactive", Boolean.class, false, "true: deactivated ones too")
                .responds(200, SecurityList.class, "By ticker and exchange")
                .handle(call -> {
                    SecurityFilter filter = new SecurityFilter(call.queryEnum("type", SecurityType.class).orElse(null),
                            call.queryText("exchange", 50).orElse(null), call.queryText("sector", 100).orElse(null),
                            call.queryFlag("includeInactive"));
                    String ticker = call.queryText("ticker", 50).orElse(null);
                    return Reply.ok(new SecurityList(securities.list(filter).stream().filter(s -> ticker == null || s.ticker().equals(ticker))
                            .map(SecurityView::of).toList()));
                }));
        routes.add(Route.get(ONE).tag(TAG).summary("One security").access(Access.scope(Scope.READ))
                .text("securityId", "The security's id").responds(200, SecurityView.class, "The security")
                .fails(404, "No security has this id")
                .handle(call -> Reply.ok(SecurityView.of(security(securities, call)))));
        routes.add(Route.get(ONE + "/bars").tag(TAG).summary("A security's stored bars").access(Access.scope(Scope.READ))
                .text("securityId", "The security's id")
                .query("timeframe", String.class, false, "1m, 5m, 15m, 1h, 4h or 1d (default 1d)")
                .query("from", Instant.class, false, "Bars starting at or after").query("to", Instant.class, false, "Bars starting before")
                .query("limit", Integer.class, false, "How many bars at most, 1…" + MAX_BARS + " (default 1000)")
                .responds(200, BarList.class, "The first bars of the range, in time order").fails(404, "No security has this id")
                .handle(call -> {
                    Security s = security(securities, call);
                    Timeframe timeframe = timeframe(call);
                    int limit = call.queryInt("limit", 1, MAX_BARS, 1000);
                    List<Bar> found = bars.range(s, timeframe, call.queryInstant("from").orElse(null), call.queryInstant("to").orElse(null),
                            limit + 1);
                    Instant next = found.size() > limit ? found.get(limit).time() : null;
                    List<BarView> shown = found.stream().limit(limit).map(BarView::of).toList();
                    return Reply.ok(new BarList(s.id(), s.ticker(), timeframe.code(), shown, next));
                }));
    }

    private static Security security(SecurityRepository securities, Call call) {
        String raw = call.pathText("securityId");
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return securities.find(id).orElseThrow(() -> Problems.notFound("no security " + raw));
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below
        }
        throw Problems.notFound("no security '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
    }

    private static Timeframe timeframe(Call call) {
        try {
            return Timeframe.parse(call.query("timeframe").orElse("1d"));
        } catch (IllegalArgumentException e) {
            throw Problems.malformed("query parameter timeframe is not valid",
                    List.of(new FieldProblem("timeframe", "must be one of " + Timeframe.codes())));
        }
    }
}
