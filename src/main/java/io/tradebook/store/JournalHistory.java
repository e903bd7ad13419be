package io.tradebook.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads an account's double-entry journal as stored: entries newest first (by entry number), each
 * with its postings. Only reads. Thread-safe.
 */
public final class JournalHistory {
    private final Jdbi jdbi;

    public JournalHistory(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One journal entry: its number, why it was posted ({@code DEPOSIT}, {@code WITHDRAWAL},
     * {@code FILL}, {@code ALLOCATION}, {@code RELEASE}), when, its reference (a deposit's
     * reference, or null), the fill it books (or null) and its postings, which sum to zero. Immutable.
     */
    public record Entry(long id, String type, Instant occurredAt, String description, Long fillId, List<Posting> postings) {
        public Entry {
            postings = List.copyOf(postings);
        }
    }

    /**
     * One posting: the ledger account ({@code CASH}, {@code CAPITAL}, {@code POSITION_COST},
     * {@code TRADING_PNL}, {@code FEES}), its strategy and symbol where the ledger account has them,
     * and the signed amount (debit positive, credit negative). Immutable.
     */
    public record Posting(String ledgerAccount, String strategy, String symbol, BigDecimal amount, String currency) {
    }

    /** Which entries to list: one type, or a time range ({@code from} inclusive, {@code to} exclusive); null means any. Immutable. */
    public record Filter(String type, Instant from, Instant to) {
        public static final Filter ANY = new Filter(null, null, null);
    }

    /** The account's entries that {@code filter} selects, newest first, at most {@code limit}, after {@code after} (null for the first page). */
    public Page<Entry> list(UUID accountId, Filter filter, PageCursor after, int limit) {
        Listing listing = new Listing("SELECT id, entry_type, occurred_at, description, fill_id FROM journal_entries "
                + "WHERE account_id = :account").equal("entry_type", "type", filter.type())
                .between("occurred_at", filter.from(), filter.to()).below("id", after);
        String sql = listing.sql("id DESC", limit);
        return jdbi.withHandle(h -> {
            List<Object[]> heads = h.createQuery(sql).bind("account", accountId).bindMap(listing.binds())
                    .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getString("entry_type"), SqlTypes.instant(rs, "occurred_at"),
                            rs.getString("description"), rs.getObject("fill_id", Long.class)})
                    .list();
            Map<Long, List<Posting>> postings = new HashMap<>();
            if (!heads.isEmpty()) {
                h.createQuery("SELECT p.entry_id, p.ledger_account, s.name AS strategy, p.symbol, p.amount, p.currency "
                                + "FROM journal_postings p LEFT JOIN strategy_activations s ON s.id = p.strategy_activation_id "
                                + "WHERE p.account_id = :account AND p.entry_id IN (<entries>) ORDER BY p.id")
                        .bind("account", accountId).bindList("entries", heads.stream().map(r -> r[0]).toList())
                        .map((rs, ctx) -> Map.entry(rs.getLong("entry_id"), new Posting(rs.getString("ledger_account"),
                                rs.getString("strategy"), rs.getString("symbol"), SqlTypes.plain(rs, "amount"), rs.getString("currency"))))
                        .forEach(e -> postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            }
            List<Entry> entries = heads.stream().map(r -> new Entry((Long) r[0], (String) r[1], (Instant) r[2], (String) r[3], (Long) r[4],
                    postings.getOrDefault((Long) r[0], List.of()))).toList();
            return Page.of(entries, limit, e -> new PageCursor(null, Long.toString(e.id())));
        });
    }
}
