package io.tradebook.store;

import io.tradebook.core.ideas.BasketAnalyser;
import io.tradebook.core.ideas.IdeaStatus;
import io.tradebook.core.instruments.SecurityType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code trade_ideas} and {@code trade_idea_legs} rows (seed 001): a user's basket idea, its
 * legs, the analyser's verdict and, once activated, the account and each leg's order. Statuses are
 * stored in the seed's lower case and read as {@link IdeaStatus}; a deleted idea is kept inactive
 * ({@code is_active}) and no longer found. A leg's execution (fill price, marks, P&L) is read live
 * from its order and the market prices, so the seed's mark columns of a leg are left empty. The status table is the caller's to apply
 * ({@link IdeaStatus#canMoveTo}). Thread-safe.
 */
public final class TradeIdeaRepository {
    /** A leg to store. Immutable. */
    public record NewLeg(UUID securityId, SecurityType securityType, boolean isLong, BigDecimal allocationPercent, String rationale) {
    }

    /** A stored leg, with its security's ticker. Immutable; quantity, entry price and order are null until activated. */
    public record LegRow(UUID id, UUID securityId, String symbol, SecurityType securityType, boolean isLong, BigDecimal allocationPercent,
                         String rationale, String status, UUID orderId, BigDecimal quantity, BigDecimal entryPrice, Instant openedAt) {
    }

    /** A stored idea with its legs in the order given. Immutable; returns are keyed 1m, 3m, 6m, 1y, 3y. */
    public record IdeaRow(UUID id, UUID userId, UUID accountId, String title, String description, IdeaStatus status, String rationale,
                          String recommendation, String riskLevel, Map<String, BigDecimal> returns, BigDecimal volatility, String analyzer,
                          Instant createdAt, Instant updatedAt, Instant analyzedAt, Instant activatedAt, Instant closedAt,
                          List<LegRow> legs) {
    }

    /** A leg's order once placed. Immutable. */
    public record PlacedLeg(UUID legId, UUID orderId, BigDecimal quantity) {
    }

    private static final String[] RETURNS = {"1m", "3m", "6m", "1y", "3y"};
    private final Jdbi jdbi;

    public TradeIdeaRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Stores a DRAFT idea of {@code userId} with {@code legs}; returns it. */
    public IdeaRow create(UUID userId, String title, String description, List<NewLeg> legs, Instant now) {
        UUID id = UUID.randomUUID();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO trade_ideas (id, user_id, trade_name, trade_description, status, created_at, updated_at) "
                            + "VALUES (:id, :user, :title, :description, 'draft', :now, :now)")
                    .bind("id", id).bind("user", userId).bind("title", title).bind("description", description == null ? "" : description)
                    .bind("now", SqlTypes.utc(now)).execute();
            insertLegs(h, id, legs, now);
        });
        return find(id).orElseThrow();
    }

    private static void insertLegs(Handle h, UUID idea, List<NewLeg> legs, Instant now) {
        for (int i = 0; i < legs.size(); i++) {
            NewLeg leg = legs.get(i);
            h.createUpdate("INSERT INTO trade_idea_legs (id, trade_idea_id, security_id, position_type, security_type, allocation_percent, "
                            + "rationale, status, leg_number, created_at, updated_at) VALUES (:id, :idea, :security, :position, :type, "
                            + ":percent, :rationale, 'recommended', :number, :now, :now)")
                    .bind("number", i)
                    .bind("id", UUID.randomUUID()).bind("idea", idea).bind("security", leg.securityId())
                    .bind("position", leg.isLong() ? "long" : "short").bind("type", leg.securityType().name().toLowerCase(Locale.ROOT))
                    .bind("percent", leg.allocationPercent()).bindByType("rationale", leg.rationale(), String.class)
                    .bind("now", SqlTypes.utc(now)).execute();
        }
    }

    /** A live (not deleted) idea. */
    public Optional<IdeaRow> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM trade_ideas WHERE id = :id AND is_active").bind("id", id)
                .map((rs, c) -> idea(rs, List.of())).findOne().map(i -> withLegs(h, i)));
    }

    /** The user's live ideas, newest first, narrowed to {@code status} when given. */
    public List<IdeaRow> list(UUID userId, IdeaStatus status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM trade_ideas WHERE user_id = :user AND is_active"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC, id")
                .bind("user", userId).bind("status", status == null ? "" : status.name().toLowerCase(Locale.ROOT))
                .map((rs, c) -> idea(rs, List.of())).list().stream().map(i -> withLegs(h, i)).toList());
    }

    /** Changes title, description (null: unchanged) and status (null: unchanged; CLOSED stamps closed_at). */
    public IdeaRow update(UUID id, String title, String description, IdeaStatus status, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE trade_ideas SET trade_name = COALESCE(:title, trade_name), "
                        + "trade_description = COALESCE(:description, trade_description), status = COALESCE(:status, status), "
                        + "closed_at = CASE WHEN :closing THEN :now ELSE closed_at END, updated_at = :now WHERE id = :id")
                .bindByType("title", title, String.class).bindByType("description", description, String.class)
                .bindByType("status", status == null ? null : status.name().toLowerCase(Locale.ROOT), String.class)
                .bind("closing", status == IdeaStatus.CLOSED).bind("now", SqlTypes.utc(now)).bind("id", id).execute());
        return find(id).orElseThrow();
    }

    /** Replaces a draft's legs, clearing its analysis (it was of the old legs). */
    public IdeaRow replaceLegs(UUID id, List<NewLeg> legs, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM trade_idea_legs WHERE trade_idea_id = :id").bind("id", id).execute();
            insertLegs(h, id, legs, now);
            h.createUpdate("UPDATE trade_ideas SET ai_rationale = NULL, recommendation = NULL, risk_level = NULL, return_1m = NULL, "
                    + "return_3m = NULL, return_6m = NULL, return_1y = NULL, return_3y = NULL, volatility = NULL, analyzer = NULL, "
                    + "analyzed_at = NULL, updated_at = :now WHERE id = :id").bind("id", id).bind("now", SqlTypes.utc(now)).execute();
        });
        return find(id).orElseThrow();
    }

    /** Soft-deletes the idea; false when it was not there. */
    public boolean delete(UUID id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE trade_ideas SET is_active = FALSE, updated_at = :now WHERE id = :id AND is_active")
                .bind("id", id).bind("now", SqlTypes.utc(now)).execute()) == 1;
    }

    /** Stores the analyser's verdict on the idea. */
    public IdeaRow saveAnalysis(UUID id, BasketAnalyser.Analysis a, String analyzer, Instant now) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate("UPDATE trade_ideas SET ai_rationale = :rationale, recommendation = :recommendation, "
                            + "risk_level = :risk, return_1m = :r1m, return_3m = :r3m, return_6m = :r6m, return_1y = :r1y, return_3y = :r3y, "
                            + "volatility = :volatility, analyzer = :analyzer, analyzed_at = :now, updated_at = :now WHERE id = :id")
                    .bind("rationale", a.rationale()).bind("recommendation", a.recommendation().name()).bind("risk", a.riskLevel().name())
                    .bind("volatility", a.volatility()).bind("analyzer", analyzer).bind("now", SqlTypes.utc(now)).bind("id", id);
            for (String r : RETURNS) {
                update.bindByType("r" + r, a.returnEstimates().get(r), BigDecimal.class);
            }
            update.execute();
        });
        return find(id).orElseThrow();
    }

    /** Marks the idea ACTIVE in {@code accountId} with each placed leg's order and quantity (the legs OPEN). */
    public IdeaRow activate(UUID id, UUID accountId, List<PlacedLeg> placed, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE trade_ideas SET status = 'active', account_id = :account, activated_at = :now, updated_at = :now "
                    + "WHERE id = :id").bind("account", accountId).bind("now", SqlTypes.utc(now)).bind("id", id).execute();
            for (PlacedLeg p : placed) {
                h.createUpdate("UPDATE trade_idea_legs SET status = 'open', order_id = :order, quantity = :quantity, opened_at = :now, "
                                + "updated_at = :now WHERE id = :leg AND trade_idea_id = :id")
                        .bind("order", p.orderId()).bind("quantity", p.quantity()).bind("now", SqlTypes.utc(now)).bind("leg", p.legId())
                        .bind("id", id).execute();
            }
        });
        return find(id).orElseThrow();
    }

    private static IdeaRow withLegs(Handle h, IdeaRow idea) {
        List<LegRow> legs = h.createQuery("SELECT l.*, s.ticker FROM trade_idea_legs l JOIN securities s ON s.id = l.security_id "
                        + "WHERE l.trade_idea_id = :id ORDER BY l.leg_number, l.id").bind("id", idea.id())
                .map((rs, c) -> new LegRow(rs.getObject("id", UUID.class), rs.getObject("security_id", UUID.class), rs.getString("ticker"),
                        SecurityType.valueOf(rs.getString("security_type").toUpperCase(Locale.ROOT)), "long".equals(rs.getString("position_type")),
                        SqlTypes.plain(rs, "allocation_percent"), rs.getString("rationale"), rs.getString("status"),
                        rs.getObject("order_id", UUID.class), SqlTypes.plain(rs, "quantity"), SqlTypes.plain(rs, "entry_price"),
                        SqlTypes.instant(rs, "opened_at"))).list();
        return new IdeaRow(idea.id(), idea.userId(), idea.accountId(), idea.title(), idea.description(), idea.status(), idea.rationale(),
                idea.recommendation(), idea.riskLevel(), idea.returns(), idea.volatility(), idea.analyzer(), idea.createdAt(),
                idea.updatedAt(), idea.analyzedAt(), idea.activatedAt(), idea.closedAt(), legs);
    }

    private static IdeaRow idea(ResultSet rs, List<LegRow> legs) throws SQLException {
        Map<String, BigDecimal> returns = new LinkedHashMap<>();
        for (String r : RETURNS) {
            returns.put(r, SqlTypes.plain(rs, "return_" + r));
        }
        return new IdeaRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("trade_name"), rs.getString("trade_description"), IdeaStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("ai_rationale"), rs.getString("recommendation"), rs.getString("risk_level"), returns,
                SqlTypes.plain(rs, "volatility"), rs.getString("analyzer"), SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"), SqlTypes.instant(rs, "analyzed_at"), SqlTypes.instant(rs, "activated_at"),
                SqlTypes.instant(rs, "closed_at"), new ArrayList<>(legs));
    }
}
