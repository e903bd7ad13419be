package io.tradebook.store;

import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.EntryType;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.Holding;
import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.LedgerAccount;
import io.tradebook.core.books.Posting;
import io.tradebook.core.books.Side;
import io.tradebook.core.books.StrategyPosition;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Recomputes one account's books from its journal and fills and lists every difference from
 * what the database stores: unbalanced entries, fills without an entry, postings that differ from
 * what their fill implies, cached balances (account cash and net deposits, each strategy's budget
 * and total P&L) that differ from the journal, and holdings and round trips that differ from a
 * replay of the fills through the core's rules.
 */
final class DatabaseBookCheck {
    private DatabaseBookCheck() {
    }

    record StoredPosting(long entryId, String ledger, UUID activation, String symbol, BigDecimal amount) {
    }

    record StoredEntry(long id, String type, java.time.Instant time, Long fillId, String description) {
    }

    /** An account's journal entries (oldest first), their postings by entry id, and its fills by id. */
    record History(List<StoredEntry> entries, Map<Long, List<StoredPosting>> postings, Map<Long, Fill> fills) {
        static History load(Handle h, UUID accountId, String key, Map<UUID, String> names, Currency currency) {
            Map<Long, Fill> fills = new HashMap<>();
            h.createQuery("SELECT id, strategy_activation_id, symbol, side, quantity, price, fee, broker_trade_id, confidence, executed_at "
                            + "FROM fills WHERE account_id = :a").bind("a", accountId)
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), new Fill(rs.getString("broker_trade_id"), key,
                            names.get(rs.getObject("strategy_activation_id", UUID.class)), rs.getString("symbol"),
                            Side.valueOf(rs.getString("side")), Quantity.of(rs.getBigDecimal("quantity")),
                            Price.of(rs.getBigDecimal("price"), currency), Money.of(rs.getBigDecimal("fee"), currency),
                            SqlTypes.instant(rs, "executed_at"), rs.getBigDecimal("confidence"))))
                    .forEach(e -> fills.put(e.getKey(), e.getValue()));
            Map<Long, List<StoredPosting>> postings = new HashMap<>();
            h.createQuery("SELECT entry_id, ledger_account, strategy_activation_id, symbol, amount FROM journal_postings WHERE account_id = :a")
                    .bind("a", accountId)
                    .map((rs, ctx) -> new StoredPosting(rs.getLong("entry_id"), rs.getString("ledger_account"),
                            rs.getObject("strategy_activation_id", UUID.class), rs.getString("symbol"), rs.getBigDecimal("amount")))
                    .forEach(p -> postings.computeIfAbsent(p.entryId(), k -> new ArrayList<>()).add(p));
            List<StoredEntry> entries = h.createQuery("SELECT id, entry_type, occurred_at, fill_id, description FROM journal_entries "
                            + "WHERE account_id = :a ORDER BY id").bind("a", accountId)
                    .map((rs, ctx) -> new StoredEntry(rs.getLong("id"), rs.getString("entry_type"), SqlTypes.instant(rs, "occurred_at"),
                            (Long) rs.getObject("fill_id", Long.class), rs.getString("description")))
                    .list();
            return new History(entries, postings, fills);
        }
    }

    /**
     * The account's books rebuilt by replaying its journal, into a book of running figures only
     * (round trips counted; their rows are in {@code round_trips}): what a store that keeps
     * accounts in memory starts from. Refuses an entry that cannot be replayed.
     */
    static AccountBook rebuild(Handle h, UUID accountId, Map<UUID, String> names, Currency currency) {
        String key = accountId.toString();
        History history = History.load(h, accountId, key, names, currency);
        AccountBook book = AccountBook.figuresOnly(key, currency);
        for (StoredEntry e : history.entries()) {
            replay(book, e, history.postings().getOrDefault(e.id(), List.of()), history.fills(), names, currency);
        }
        return book;
    }

    static List<String> verify(Handle h, UUID accountId) {
        List<String> out = new ArrayList<>();
        Map<String, Object> account = h.createQuery("SELECT name, base_currency, cash_balance, net_deposits FROM accounts WHERE id = :id")
                .bind("id", accountId).mapToMap().findOne()
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        String label = "account " + account.get("name");
        Currency currency = Currency.of((String) account.get("base_currency"));
        String key = accountId.toString();

        Map<UUID, String> names = new HashMap<>();
        Map<String, UUID> ids = new HashMap<>();
        Map<String, Map<String, Object>> activations = new TreeMap<>();
        h.createQuery("SELECT id, name, allocation_amount, cash_balance, total_pnl FROM strategy_activations WHERE account_id = :a")
                .bind("a", accountId).mapToMap().forEach(row -> {
                    UUID id = (UUID) row.get("id");
                    names.put(id, (String) row.get("name"));
                    ids.put((String) row.get("name"), id);
                    activations.put((String) row.get("name"), row);
                });

        h.createQuery("SELECT e.id, COALESCE(SUM(p.amount), 0) AS total, COUNT(p.id) AS n FROM journal_entries e "
                        + "LEFT JOIN journal_postings p ON p.entry_id = e.id WHERE e.account_id = :a GROUP BY e.id "
                        + "HAVING COALESCE(SUM(p.amount), 0) <> 0 OR COUNT(p.id) = 0")
                .bind("a", accountId).mapToMap()
                .forEach(r -> out.add(label + ": journal entry " + r.get("id") + " does not balance: postings sum to "
                        + plain((BigDecimal) r.get("total")) + " over " + r.get("n") + " postings"));
        h.createQuery("SELECT f.id FROM fills f LEFT JOIN journal_entries e ON e.fill_id = f.id "
                        + "WHERE f.account_id = :a AND e.id IS NULL ORDER BY f.id")
                .bind("a", accountId).mapTo(Long.class)
                .forEach(id -> out.add(label + ": fill " + id + " has no journal entry"));

        History history = History.load(h, accountId, key, names, currency);
        Map<Long, Fill> fills = history.fills();
        Map<Long, List<StoredPosting>> postings = history.postings();
        List<StoredEntry> entries = history.entries();

        AccountBook book = AccountBook.open(key, currency);
        for (StoredEntry e : entries) {
            List<StoredPosting> stored = postings.getOrDefault(e.id(), List.of());
            JournalEntry rebuilt;
            try {
                rebuilt = replay(book, e, stored, fills, names, currency);
            } catch (IllegalArgumentException | IllegalStateException ex) {
                out.add(label + ": journal entry " + e.id() + " (" + e.type() + ") cannot be replayed: " + ex.getMessage());
                continue;
            }
            if (rebuilt != null && !sameAmounts(rebuilt, stored, ids)) {
                out.add(label + ": journal entry " + e.id() + " (" + e.type() + ") has postings " + describe(stored, names)
                        + " but its event implies " + rebuilt.postings());
            }
        }
        out.addAll(book.verify());

        compare(out, label + ": cached cash", (BigDecimal) account.get("cash_balance"), book.cash().amount());
        compare(out, label + ": cached net deposits", (BigDecimal) account.get("net_deposits"), book.netDeposits().amount());
        for (Map.Entry<String, Map<String, Object>> a : activations.entrySet()) {
            String s = a.getKey();
            Map<String, Object> row = a.getValue();
            compare(out, label + "/" + s + ": cached total P&L", (BigDecimal) row.get("total_pnl"), book.realizedPnlOf(s).amount());
            BigDecimal budget = (BigDecimal) row.get("cash_balance");
            if (budget != null || book.hasAllocation(s)) {
                compare(out, label + "/" + s + ": cached budget", budget,
                        book.hasAllocation(s) ? book.cashAvailableTo(s).amount() : null);
            }
        }
        compareHoldings(h, out, label, accountId, key, names, currency, book);
        return out;
    }

    private static JournalEntry replay(AccountBook book, StoredEntry e, List<StoredPosting> stored, Map<Long, Fill> fills,
                                       Map<UUID, String> names, Currency currency) {
        EntryType type = EntryType.valueOf(e.type());
        if (type == EntryType.FILL) {
            Fill fill = fills.get(e.fillId());
            if (fill == null) {
                throw new IllegalStateException("its fill " + e.fillId() + " is missing");
            }
            FillResult r = book.apply(fill);
            if (r.duplicate()) {
                throw new IllegalStateException("its fill repeats trade id " + fill.tradeId());
            }
            return r.entry();
        }
        StoredPosting debit = stored.stream().filter(p -> p.amount().signum() > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("it has no debit posting"));
        Money amount = Money.of(debit.amount(), currency);
        String strategy = stored.stream().map(StoredPosting::activation).filter(Objects::nonNull).findFirst().map(names::get).orElse(null);
        return switch (type) {
            case DEPOSIT -> book.deposit(amount, e.time(), e.description());
            case WITHDRAWAL -> book.withdraw(amount, e.time(), e.description());
            case ALLOCATION -> book.allocate(strategy, amount, e.time());
            case RELEASE -> book.release(strategy, amount, e.time());
            case FILL -> throw new AssertionError();
        };
    }

    private static boolean sameAmounts(JournalEntry rebuilt, List<StoredPosting> stored, Map<String, UUID> ids) {
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Posting p : rebuilt.postings()) {
            LedgerAccount la = p.account();
            UUID activation = la.strategy() == null ? null : ids.get(la.strategy());
            expected.merge(la.kind() + "|" + activation + "|" + la.symbol(), p.amount().amount(), BigDecimal::add);
        }
        Map<String, BigDecimal> actual = new TreeMap<>();
        for (StoredPosting p : stored) {
            actual.merge(p.ledger() + "|" + p.activation() + "|" + p.symbol(), p.amount(), BigDecimal::add);
        }
        expected.values().removeIf(v -> v.signum() == 0);
        actual.values().removeIf(v -> v.signum() == 0);
        if (!expected.keySet().equals(actual.keySet())) {
            return false;
        }
        return expected.entrySet().stream().allMatch(x -> x.getValue().compareTo(actual.get(x.getKey())) == 0);
    }

    private static String describe(List<StoredPosting> stored, Map<UUID, String> names) {
        List<String> parts = new ArrayList<>();
        for (StoredPosting p : stored) {
            String scope = (p.activation() == null ? "" : ":" + names.get(p.activation())) + (p.symbol() == null ? "" : ":" + p.symbol());
            parts.add(p.ledger() + scope + "=" + plain(p.amount()));
        }
        return parts.toString();
    }

    private static void compareHoldings(Handle h, List<String> out, String label, UUID accountId, String key,
                                        Map<UUID, String> names, Currency currency, AccountBook book) {
        Map<String, List<Holding>> stored = new TreeMap<>();
        for (HoldingRows.Row row : HoldingRows.all(h, accountId, key, names, currency)) {
            stored.computeIfAbsent(row.holding().strategy() + "/" + row.holding().symbol(), k -> new ArrayList<>()).add(row.holding());
        }
        Map<String, BigDecimal> tripPnl = new TreeMap<>();
        Map<String, Integer> tripCount = new TreeMap<>();
        h.createQuery("SELECT strategy_activation_id, symbol, SUM(pnl) AS pnl, COUNT(*) AS n FROM round_trips WHERE account_id = :a "
                        + "GROUP BY strategy_activation_id, symbol").bind("a", accountId).mapToMap()
                .forEach(r -> {
                    String where = names.get((UUID) r.get("strategy_activation_id")) + "/" + r.get("symbol");
                    tripPnl.put(where, (BigDecimal) r.get("pnl"));
                    tripCount.put(where, ((Number) r.get("n")).intValue());
                });

        for (StrategyPosition p : book.allPositions()) {
            String where = p.strategy() + "/" + p.symbol();
            List<Holding> lifecycles = stored.getOrDefault(where, List.of());
            stored.remove(where);
            Holding open = lifecycles.stream().filter(Holding::isOpen).findFirst().orElse(null);
            long openCount = lifecycles.stream().filter(Holding::isOpen).count();
            if (openCount > 1) {
                out.add(label + "/" + where + ": " + openCount + " open lifecycles");
            }
            Holding expected = p.open();
            if ((open == null) != (expected == null)) {
                out.add(label + "/" + where + ": stored holding is " + (open == null ? "flat" : "open") + " but the fills leave it "
                        + (expected == null ? "flat" : "open"));
            } else if (open != null) {
                compareLifecycle(out, label + "/" + where, open, expected);
            }
            BigDecimal realized = lifecycles.stream().map(x -> x.realizedPnl().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            compare(out, label + "/" + where + ": realized P&L over lifecycles", realized, p.realizedPnl().amount());
            BigDecimal fees = lifecycles.stream().map(x -> x.fees().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            compare(out, label + "/" + where + ": fees over lifecycles", fees, p.fees().amount());
            long closed = lifecycles.size() - openCount;
            int storedTrips = tripCount.getOrDefault(where, 0);
            if (closed != p.roundTrips().size() || storedTrips != p.roundTrips().size()) {
                out.add(label + "/" + where + ": " + closed + " closed lifecycles and " + storedTrips
                        + " round trips stored, but the fills make " + p.roundTrips().size());
            }
            BigDecimal expectedTripPnl = p.roundTrips().stream().map(t -> t.pnl().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            compare(out, label + "/" + where + ": round-trip P&L", tripPnl.getOrDefault(where, BigDecimal.ZERO), expectedTripPnl);
        }
        stored.keySet().forEach(where -> out.add(label + "/" + where + ": holdings stored but no fills for them"));
    }

    private static void compareLifecycle(List<String> out, String where, Holding stored, Holding expected) {
        if (stored.side() != expected.side()) {
            out.add(where + ": side " + stored.side() + " but the fills make " + expected.side());
        }
        compare(out, where + ": quantity", stored.quantity().value(), expected.quantity().value());
        compare(out, where + ": cost basis", stored.costBasis().amount(), expected.costBasis().amount());
        compare(out, where + ": average price", stored.averagePrice().value(), expected.averagePrice().value());
        compare(out, where + ": lifecycle realized P&L", stored.realizedPnl().amount(), expected.realizedPnl().amount());
        if (!stored.openedAt().equals(expected.openedAt())) {
            out.add(where + ": opened at " + stored.openedAt() + " but the fills open it at " + expected.openedAt());
        }
    }

    private static void compare(List<String> out, String what, BigDecimal stored, BigDecimal derived) {
        boolean same = stored == null ? derived == null : derived != null && stored.compareTo(derived) == 0;
        if (!same) {
            out.add(what + ": stored " + plain(stored) + ", derived " + plain(derived));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
