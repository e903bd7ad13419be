package io.tradebook.research;

import io.tradebook.core.books.Side;
import io.tradebook.core.ideas.BasketAnalyser;
import io.tradebook.core.ideas.IdeaStatus;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderType;
import io.tradebook.security.FieldProblem;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import io.tradebook.store.TradeIdeaRepository;
import io.tradebook.store.TradeIdeaRepository.IdeaRow;
import io.tradebook.store.TradeIdeaRepository.LegRow;
import io.tradebook.store.TradeIdeaRepository.NewLeg;
import io.tradebook.store.TradeIdeaRepository.PlacedLeg;
import io.tradebook.trading.OrderService;
import io.tradebook.trading.PriceService;
import io.tradebook.trading.TradingService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Trade ideas (seed 001): a user's basket of legs (a symbol, long or short, a percentage of the
 * capital), kept as a DRAFT, analysed by {@link BasketAnalyser} over the database's daily closes,
 * activated into one of the user's accounts by placing each leg's market order through the order
 * path, then closed and archived ({@link IdeaStatus}). Every refusal names the field and changes
 * nothing. Thread-safe.
 */
public final class TradeIdeas {
    /** A leg as asked. {@code side} LONG or SHORT. Immutable. */
    public record LegInput(String symbol, String side, BigDecimal allocationPercent, String rationale) {
    }

    /** A leg's execution once activated: its order and what it is worth now. Immutable; prices null before a fill. */
    public record Execution(UUID orderId, String orderStatus, BigDecimal quantity, BigDecimal entryPrice, BigDecimal currentPrice,
                            BigDecimal marketValue, BigDecimal unrealizedPnl) {
    }

    private static final int MAX_LEGS = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final TradeIdeaRepository ideas;
    private final SecurityRepository securities;
    private final PriceHistoryRepository prices;
    private final TradingService trading;
    private final Clock clock;

    public TradeIdeas(TradeIdeaRepository ideas, SecurityRepository securities, PriceHistoryRepository prices, TradingService trading,
                      Clock clock) {
        this.ideas = ideas;
        this.securities = securities;
        this.prices = prices;
        this.trading = trading;
        this.clock = clock;
    }

    public Outcome<IdeaRow> create(UUID userId, String title, String description, List<LegInput> legs) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "title", title, 255, true);
        text(problems, "description", description, 10_000, false);
        List<NewLeg> checked = legs(problems, legs);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        return Outcome.ok(ideas.create(userId, title.strip(), description, checked, clock.instant()));
    }

    public Optional<IdeaRow> find(UUID id) {
        return ideas.find(id);
    }

    public List<IdeaRow> list(UUID userId, IdeaStatus status) {
        return ideas.list(userId, status);
    }

    /**
     * Changes title, description, status (CLOSED or ARCHIVED, by the status table; ACTIVE only by
     * activating) and, while a draft, the legs (which clears the analysis).
     */
    public Outcome<IdeaRow> change(UUID id, String title, String description, IdeaStatus status, List<LegInput> legs) {
        IdeaRow idea = ideas.find(id).orElse(null);
        if (idea == null) {
            return Outcome.refused(Refusal.notFound("no trade idea " + id));
        }
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "title", title, 255, false);
        text(problems, "description", description, 10_000, false);
        List<NewLeg> checked = legs == null ? null : legs(problems, legs);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        if (status == IdeaStatus.ACTIVE && idea.status() != IdeaStatus.ACTIVE) {
            return Outcome.refused(Refusal.conflict("status", "an idea becomes ACTIVE by POST /api/ideas/" + id + "/activate, which places "
                    + "its legs' orders"));
        }
        if (status != null && status != idea.status() && !idea.status().canMoveTo(status)) {
            return Outcome.refused(Refusal.conflict("status", "a " + idea.status() + " idea cannot become " + status + " (it may become "
                    + (idea.status().next().isEmpty() ? "nothing else" : idea.status().next()) + ")"));
        }
        if (checked != null && idea.status() != IdeaStatus.DRAFT) {
            return Outcome.refused(Refusal.conflict("legs", "only a DRAFT idea's legs can change; this one is " + idea.status()));
        }
        if (checked != null) {
            ideas.replaceLegs(id, checked, clock.instant());
        }
        return Outcome.ok(ideas.update(id, title == null ? null : title.strip(), description,
                status == idea.status() ? null : status, clock.instant()));
    }

    public boolean delete(UUID id) {
        return ideas.delete(id, clock.instant());
    }

    /** Runs the analyser over every leg's stored daily closes and stores its verdict on the idea. */
    public Outcome<IdeaRow> analyse(UUID id) {
        IdeaRow idea = ideas.find(id).orElse(null);
        if (idea == null) {
            return Outcome.refused(Refusal.notFound("no trade idea " + id));
        }
        List<BasketAnalyser.Leg> legs = new ArrayList<>();
        Map<String, List<BasketAnalyser.Close>> closes = new HashMap<>();
        for (int i = 0; i < idea.legs().size(); i++) {
            LegRow leg = idea.legs().get(i);
            legs.add(new BasketAnalyser.Leg(leg.symbol(), leg.isLong(), leg.allocationPercent()));
            Security security = securities.find(leg.securityId()).orElseThrow();
            List<BasketAnalyser.Close> series = new ArrayList<>();
            for (Bar bar : prices.range(security, Timeframe.D1, null, null)) {
                series.add(new BasketAnalyser.Close(bar.time(), bar.close().value()));
            }
            if (series.isEmpty()) {
                return Outcome.refused(Refusal.invalid("legs[" + i + "].symbol", "has no daily bars of " + security.label()
                        + " stored to analyse; import them first"));
            }
            closes.put(leg.symbol(), series);
        }
        try {
            BasketAnalyser.Analysis analysis = BasketAnalyser.analyse(legs, closes);
            return Outcome.ok(ideas.saveAnalysis(id, analysis, BasketAnalyser.NAME, clock.instant()));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(Refusal.invalid("legs", e.getMessage()));
        }
    }

    /**
     * Activates a DRAFT idea in {@code accountId} (already checked to be the caller's): each leg gets
     * {@code allocationPercent} of {@code amount} (or of that percentage of the account's equity),
     * turned into a quantity at the symbol's latest market price, rounded down to the security's
     * lot (whole units for equities), and a market order (BUY for long, SELL for short) in
     * {@code strategy}'s book (default: the manual book). Refuses, before placing anything, a leg
     * without a market price and an amount too small for one lot of a leg.
     */
    public Outcome<IdeaRow> activate(UUID id, UUID accountId, BigDecimal amount, BigDecimal allocationPercent, String strategy) {
        IdeaRow idea = ideas.find(id).orElse(null);
        if (idea == null) {
            return Outcome.refused(Refusal.notFound("no trade idea " + id));
        }
        if (idea.status() != IdeaStatus.DRAFT) {
            return Outcome.refused(Refusal.conflict("status", "only a DRAFT idea can be activated; this one is " + idea.status()));
        }
        if (idea.legs().isEmpty()) {
            return Outcome.refused(Refusal.invalid("legs", "the idea has no legs to place"));
        }
        if ((amount == null) == (allocationPercent == null)) {
            return Outcome.refused(Refusal.invalid("amount", "give amount or allocationPercent (of the account's equity), one of them"));
        }
        if (amount != null && amount.signum() <= 0) {
            return Outcome.refused(Refusal.invalid("amount", "must be above 0"));
        }
        if (allocationPercent != null && (allocationPercent.signum() <= 0 || allocationPercent.compareTo(HUNDRED) > 0)) {
            return Outcome.refused(Refusal.invalid("allocationPercent", "must be above 0 and at most 100"));
        }
        BigDecimal capital = amount;
        if (capital == null) {
            BigDecimal equity = trading.accounts().valuation(accountId).orElseThrow().equity().amount();
            capital = equity.multiply(allocationPercent).divide(HUNDRED, 8, RoundingMode.DOWN);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        for (int i = 0; i < idea.legs().size(); i++) {
            LegRow leg = idea.legs().get(i);
            Optional<PriceService.LatestPrice> price = trading.prices().latest(leg.symbol());
            if (price.isEmpty() || price.get().price().signum() <= 0) {
                problems.add(new FieldProblem("legs[" + i + "].symbol", "has no market price to size the order at; "
                        + "one is pushed (POST /api/market/prices) or replayed"));
                quantities.add(null);
                continue;
            }
            Security security = securities.find(leg.securityId()).orElseThrow();
            BigDecimal lot = SecurityRepository.instrument(security).lotSize().value();
            BigDecimal notional = capital.multiply(leg.allocationPercent()).divide(HUNDRED, 12, RoundingMode.DOWN);
            BigDecimal lots = notional.divide(price.get().price().multiply(lot), 0, RoundingMode.DOWN);
            BigDecimal quantity = lots.multiply(lot).stripTrailingZeros();
            if (quantity.signum() <= 0) {
                problems.add(new FieldProblem(amount != null ? "amount" : "allocationPercent", "is too small: "
                        + leg.allocationPercent().toPlainString() + "% of " + capital.stripTrailingZeros().toPlainString()
                        + " buys no lot of " + leg.symbol() + " at " + price.get().price().toPlainString()));
            }
            quantities.add(quantity);
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        List<PlacedLeg> placed = new ArrayList<>();
        for (int i = 0; i < idea.legs().size(); i++) {
            LegRow leg = idea.legs().get(i);
            Outcome<OrderService.Submitted> submitted = trading.orders().submit(accountId, new OrderService.Ticket(leg.symbol(),
                    leg.isLong() ? Side.BUY : Side.SELL, OrderType.MARKET, quantities.get(i), null, null, null, strategy,
                    "idea-" + id + "-" + i), null);
            if (!submitted.isOk()) {
                if (placed.isEmpty()) {
                    return Outcome.refused(prefixed(submitted.refusal()));
                }
                // later legs refused after earlier ones were placed: keep what was placed, say what was not
                ideas.activate(id, accountId, placed, clock.instant());
                return Outcome.refused(prefixed(submitted.refusal()));
            }
            placed.add(new PlacedLeg(leg.id(), UUID.fromString(submitted.value().order().id()), quantities.get(i)));
        }
        return Outcome.ok(ideas.activate(id, accountId, placed, clock.instant()));
    }

    private static Refusal prefixed(Refusal r) {
        if (r.reason() != Refusal.Reason.INVALID) {
            return r;
        }
        return Refusal.invalid(r.fields().stream().map(f -> new FieldProblem(f.field().equals("strategy") ? "strategy" : "legs",
                f.field() + " " + f.message())).toList());
    }

    /** A placed leg's order, fill and marks now; empty before activation. */
    public Optional<Execution> execution(IdeaRow idea, LegRow leg) {
        if (leg.orderId() == null || idea.accountId() == null) {
            return Optional.empty();
        }
        Optional<Order> order = trading.orders().find(idea.accountId(), leg.orderId());
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Order o = order.get();
        BigDecimal filled = o.filledQuantity().value();
        BigDecimal entry = o.averageFillPrice() == null ? null : o.averageFillPrice().value();
        BigDecimal current = trading.prices().latest(leg.symbol()).map(PriceService.LatestPrice::price).orElse(entry);
        BigDecimal signed = leg.isLong() ? filled : filled.negate();
        BigDecimal value = current == null ? null : signed.multiply(current);
        BigDecimal pnl = current == null || entry == null ? null : current.subtract(entry).multiply(signed);
        return Optional.of(new Execution(leg.orderId(), o.status().name(), filled, entry, current, value, pnl));
    }

    private List<NewLeg> legs(List<FieldProblem> problems, List<LegInput> legs) {
        List<NewLeg> checked = new ArrayList<>();
        if (legs == null || legs.isEmpty()) {
            problems.add(new FieldProblem("legs", "must have at least one leg"));
            return checked;
        }
        if (legs.size() > MAX_LEGS) {
            problems.add(new FieldProblem("legs", "may have at most " + MAX_LEGS + " legs"));
            return checked;
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < legs.size(); i++) {
            String field = "legs[" + i + "]";
            LegInput leg = legs.get(i);
            if (leg == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            Security security = null;
            if (leg.symbol() == null || leg.symbol().isBlank() || leg.symbol().length() > 50) {
                problems.add(new FieldProblem(field + ".symbol", "is required"));
            } else {
                try {
                    security = securities.resolve(leg.symbol().strip(), null).orElse(null);
                    if (security == null) {
                        problems.add(new FieldProblem(field + ".symbol", "is no security of the database: '" + leg.symbol().strip() + "'"));
                    } else if (!seen.add(security.id())) {
                        problems.add(new FieldProblem(field + ".symbol", security.label() + " is in two legs"));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(field + ".symbol", e.getMessage()));
                }
            }
            Boolean isLong = leg.side() == null ? null : switch (leg.side()) {
                case "LONG" -> true;
                case "SHORT" -> false;
                default -> null;
            };
            if (isLong == null) {
                problems.add(new FieldProblem(field + ".side", "must be LONG or SHORT"));
            }
            BigDecimal pct = leg.allocationPercent();
            if (pct == null || pct.signum() <= 0 || pct.compareTo(HUNDRED) > 0 || pct.stripTrailingZeros().scale() > 4) {
                problems.add(new FieldProblem(field + ".allocationPercent", "must be above 0 and at most 100, with at most 4 decimals"));
            } else {
                total = total.add(pct);
            }
            if (leg.rationale() != null && leg.rationale().length() > 10_000) {
                problems.add(new FieldProblem(field + ".rationale", "must be at most 10000 characters"));
            }
            if (security != null && isLong != null && pct != null) {
                checked.add(new NewLeg(security.id(), security.type(), isLong, pct, leg.rationale()));
            }
        }
        if (total.compareTo(HUNDRED) > 0) {
            problems.add(new FieldProblem("legs", "allocate " + total.stripTrailingZeros().toPlainString() + "% in all; at most 100%"));
        }
        return checked;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
        } else if ((required && value.isBlank()) || value.length() > max) {
            problems.add(new FieldProblem(field, required ? "must be 1 to " + max + " characters" : "must be at most " + max + " characters"));
        }
    }
}
