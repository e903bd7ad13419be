package io.tradebook.store;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Holding;
import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.execution.ConcurrentChangeException;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The rows that many store calls write, gathered to be written in one transaction with one
 * batched statement per kind of row. Calls add their rows in the order they happened; the
 * batch keeps only the latest state of a row that several calls change (an order placed and
 * filled in the same batch is inserted once, filled), and appends every event, fill and
 * journal entry. {@link #writeTo} (one JDBC batch per table, for H2) and {@link #writeArrays} (one
 * round trip, for PostgreSQL) write parents before children (orders before their fills,
 * fills before their journal entries, a lifecycle before its round trip) and closes holdings
 * before it opens new ones, so that the unique key on an account's one open lifecycle per
 * strategy and symbol holds after every statement.
 *
 * <p>Cached balances (account cash, net deposits, a strategy's total P&L and budget) are written
 * as absolute values computed in memory: the store that fills a batch must be the only writer of
 * its accounts.
 */
final class RowBatch {

    private static final class OrderRow {
        final UUID id;
        final UUID account;
        final boolean insert;
        UUID activation;
        Order order;
        OffsetDateTime placedAt;
        int versions;

        OrderRow(UUID id, UUID account, boolean insert) {
            this.id = id;
            this.account = account;
            this.insert = insert;
        }
    }

    private record EventRow(UUID orderId, OrderEvent event) {
    }

    private record FillRow(UUID account, UUID activation, UUID orderId, String brokerOrderId, Fill fill, Currency currency) {
    }

    /** A journal entry; {@code fill} indexes the batch's fills, or is -1 for a cash movement. */
    private record EntryRow(UUID account, JournalEntry entry, int fill, Function<String, UUID> activations) {
    }

    private static final class HoldingRow {
        final UUID id;
        final UUID account;
        final UUID activation;
        final boolean insert;
        Holding holding;

        HoldingRow(UUID id, UUID account, UUID activation, boolean insert, Holding holding) {
            this.id = id;
            this.account = account;
            this.activation = activation;
            this.insert = insert;
            this.holding = holding;
        }
    }

    private record TripRow(UUID account, UUID activation, UUID holding, RoundTrip trip) {
    }

    /** An account's row: the version its first change expected, how many changes, and the cached balances if any changed them. */
    private static final class AccountRow {
        long expected;
        int versions;
        BigDecimal cash;
        BigDecimal netDeposits;
    }

    /** A strategy's cached figures; {@code allocation} and {@code budget} are null while it has never had an allocation. */
    private record ActivationRow(BigDecimal totalPnl, BigDecimal allocation, BigDecimal budget) {
    }

    private final Map<UUID, OrderRow> orders = new LinkedHashMap<>();
    private final List<EventRow> events = new ArrayList<>();
    private final List<FillRow> fills = new ArrayList<>();
    private final List<EntryRow> entries = new ArrayList<>();
    private final Map<UUID, HoldingRow> holdings = new LinkedHashMap<>();
    private final List<TripRow> trips = new ArrayList<>();
    private final Map<UUID, AccountRow> accounts = new LinkedHashMap<>();
    private final Map<UUID, ActivationRow> activations = new LinkedHashMap<>();
    /** The server node whose orders these are ({@code orders.placed_by} of new ones), or null. */
    private final String node;

    RowBatch(String node) {
        this.node = node;
    }

    /** A new order, with the event that created it. */
    void insertOrder(UUID id, UUID account, UUID activation, Order order, OrderEvent event) {
        OrderRow row = new OrderRow(id, account, true);
        orders.put(id, row);
        setOrder(row, activation, order);
        events.add(new EventRow(id, event));
    }

    /** An order's new state, with the event that led to it. */
    void updateOrder(UUID id, UUID account, UUID activation, Order order, OrderEvent event) {
        OrderRow row = orders.computeIfAbsent(id, k -> new OrderRow(id, account, false));
        row.versions++;
        setOrder(row, activation, order);
        events.add(new EventRow(id, event));
    }

    private static void setOrder(OrderRow row, UUID activation, Order order) {
        row.activation = activation;
        row.order = order;
        if (row.placedAt == null && OrderRows.PLACED_STATES.contains(order.status())) {
            row.placedAt = SqlTypes.utc(order.updatedAt());
        }
    }

    /** A fill and its journal entry; {@code orderId} and {@code brokerOrderId} may be null. */
    void fill(UUID account, UUID activation, UUID orderId, String brokerOrderId, Fill fill, Currency currency, JournalEntry entry,
              Function<String, UUID> activationIds) {
        fills.add(new FillRow(account, activation, orderId, brokerOrderId, fill, currency));
        entries.add(new EntryRow(account, entry, fills.size() - 1, activationIds));
    }

    /** A journal entry of a cash movement (deposit, withdrawal, allocation, release). */
    void cashEntry(UUID account, JournalEntry entry, Function<String, UUID> activationIds) {
        entries.add(new EntryRow(account, entry, -1, activationIds));
    }

    /** A lifecycle's state: inserted when {@code isNew}, else updated. */
    void holding(UUID id, UUID account, UUID activation, Holding holding, boolean isNew) {
        HoldingRow row = holdings.get(id);
        if (row == null) {
            holdings.put(id, new HoldingRow(id, account, activation, isNew, holding));
        } else {
            row.holding = holding;
        }
    }

    void roundTrip(UUID account, UUID activation, UUID holding, RoundTrip trip) {
        trips.add(new TripRow(account, activation, holding, trip));
    }

    /**
     * One more change of {@code account}, computed from its row at version {@code expected}: the
     * batch moves the row's version on by one per change, and only if it finds the version the
     * first change expected, so a change computed from a state another writer has since changed is
     * not written (see {@link io.tradebook.core.execution.ConcurrentChangeException}).
     */
    void accountVersion(UUID account, long expected) {
        AccountRow row = accounts.computeIfAbsent(account, k -> new AccountRow());
        if (row.versions == 0) {
            row.expected = expected;
        } else if (expected != row.expected + row.versions) {
            throw new IllegalStateException("account " + account + " changes out of order: version " + expected + " after "
                    + (row.expected + row.versions - 1));
        }
        row.versions++;
    }

    /** The account's cached cash and net deposits after this change (call after {@link #accountVersion}). */
    void account(UUID account, Money cash, Money netDeposits) {
        AccountRow row = accounts.computeIfAbsent(account, k -> new AccountRow());
        row.cash = cash.amount();
        row.netDeposits = netDeposits.amount();
    }

    /** A strategy's cached total P&L, allocation and budget after this change; the last two null if it never had an allocation. */
    void activation(UUID activation, Money totalPnl, BigDecimal allocation, Money budget) {
        activations.put(activation, new ActivationRow(totalPnl.amount(), allocation, budget == null ? null : budget.amount()));
    }

    boolean isEmpty() {
        return orders.isEmpty() && events.isEmpty() && fills.isEmpty() && entries.isEmpty() && holdings.isEmpty()
                && accounts.isEmpty() && activations.isEmpty();
    }

    /** Writes every row on {@code h}, in the caller's transaction. */
    void writeTo(Handle h) {
        try {
            write(h.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("the group commit could not write its rows: " + e.getMessage(), e);
        }
    }

    private void write(Connection c) throws SQLException {
        // the accounts first: their rows are locked and their versions checked before anything else is written
        if (!accounts.isEmpty()) {
            try (JdbcBatch batch = new JdbcBatch(c, ACCOUNT_UPDATE, false)) {
                for (Map.Entry<UUID, AccountRow> e : accounts.entrySet()) {
                    bindAccount(batch, e.getKey(), e.getValue());
                    batch.add();
                }
                requireAccountVersions(batch.execute());
            }
        }
        writeOrders(c);
        if (!events.isEmpty()) {
            try (JdbcBatch batch = new JdbcBatch(c, OrderRows.EVENT_INSERT, false)) {
                for (EventRow e : events) {
                    OrderRows.bindEvent(batch, e.orderId(), e.event());
                    batch.add();
                }
                batch.execute();
            }
        }
        List<Long> fillIds = List.of();
        if (!fills.isEmpty()) {
            try (JdbcBatch batch = new JdbcBatch(c, JdbiBookKeeper.FILL_INSERT, true)) {
                for (FillRow f : fills) {
                    JdbiBookKeeper.bindFill(batch, f.account(), f.activation(), f.orderId(), f.brokerOrderId(), f.fill(), f.currency());
                    batch.add();
                }
                fillIds = batch.executeReturningIds();
            }
        }
        writeEntries(c, fillIds);
        writeHoldings(c);
        if (!trips.isEmpty()) {
            try (JdbcBatch batch = new JdbcBatch(c, JdbiBookKeeper.ROUND_TRIP_INSERT, false)) {
                for (TripRow t : trips) {
                    JdbiBookKeeper.bindRoundTrip(batch, t.account(), t.activation(), t.holding(), t.trip());
                    batch.add();
                }
                batch.execute();
            }
        }
        if (!activations.isEmpty()) {
            try (JdbcBatch batch = new JdbcBatch(c, ACTIVATION_UPDATE, false)) {
                for (Map.Entry<UUID, ActivationRow> e : activations.entrySet()) {
                    bindActivation(batch, e.getKey(), e.getValue());
                    batch.add();
                }
                requireEveryRow(batch.execute(), "strategy activation");
            }
        }
    }

    static final String ACCOUNT_UPDATE = "UPDATE accounts SET cash_balance = COALESCE(:cash, cash_balance), "
            + "net_deposits = COALESCE(:deposits, net_deposits), version = :expected + CAST(:versions AS BIGINT), updated_at = CURRENT_TIMESTAMP "
            + "WHERE id = :id AND version = :expected";
    static final String ACTIVATION_UPDATE = "UPDATE strategy_activations SET total_pnl = :pnl, allocation_amount = :allocation, "
            + "cash_balance = :budget, updated_at = CURRENT_TIMESTAMP WHERE id = :id";

    private static void bindAccount(SqlParams p, UUID id, AccountRow row) {
        p.set("cash", row.cash, Types.NUMERIC);
        p.set("deposits", row.netDeposits, Types.NUMERIC);
        p.set("versions", row.versions, Types.INTEGER);
        p.set("expected", row.expected, Types.BIGINT);
        p.set("id", id, Types.OTHER);
    }

    private static void bindActivation(SqlParams p, UUID id, ActivationRow row) {
        p.set("pnl", row.totalPnl(), Types.NUMERIC);
        p.set("allocation", row.allocation(), Types.NUMERIC);
        p.set("budget", row.budget(), Types.NUMERIC);
        p.set("id", id, Types.OTHER);
    }

    /**
     * Writes every row on PostgreSQL in one round trip: one multi-statement of {@link ArrayStatement}s
     * in {@code plan}'s fixed order (the same order as {@link #writeTo}), with the ids of fills and
     * journal entries taken from {@code ids}. Call inside the caller's transaction. Throws when an
     * update misses a row the store holds, so that the transaction does not commit.
     */
    void writeArrays(Connection c, PostgresBatchPlan plan, IdBlocks ids) throws SQLException {
        ColumnArrays orderInserts = plan.arrays(PostgresBatchPlan.ORDER_INSERT);
        ColumnArrays orderUpdates = plan.arrays(PostgresBatchPlan.ORDER_UPDATE);
        for (OrderRow o : orders.values()) {
            if (o.insert) {
                OrderRows.bindInsert(orderInserts, o.id, o.account, o.activation, o.order, o.placedAt, o.versions, node);
                orderInserts.add();
            } else {
                OrderRows.bindUpdate(orderUpdates, o.id, o.account, o.activation, o.order, o.placedAt, o.versions);
                orderUpdates.add();
            }
        }
        ColumnArrays eventRows = plan.arrays(PostgresBatchPlan.EVENT_INSERT);
        for (EventRow e : events) {
            OrderRows.bindEvent(eventRows, e.orderId(), e.event());
            eventRows.add();
        }
        ColumnArrays fillRows = plan.arrays(PostgresBatchPlan.FILL_INSERT);
        List<Long> fillIds = new ArrayList<>(fills.size());
        for (FillRow f : fills) {
            long id = ids.nextFill(c);
            fillIds.add(id);
            JdbiBookKeeper.bindFill(fillRows, f.account(), f.activation(), f.orderId(), f.brokerOrderId(), f.fill(), f.currency());
            fillRows.set("id", id, Types.BIGINT);
            fillRows.add();
        }
        ColumnArrays entryRows = plan.arrays(PostgresBatchPlan.ENTRY_INSERT);
        ColumnArrays postingRows = plan.arrays(PostgresBatchPlan.POSTING_INSERT);
        for (EntryRow e : entries) {
            long entryId = ids.nextEntry(c);
            JournalRows.bindEntry(entryRows, e.account(), e.entry(), e.fill() < 0 ? null : fillIds.get(e.fill()));
            entryRows.set("id", entryId, Types.BIGINT);
            entryRows.add();
            JournalRows.forEachPosting(e.entry(), e.activations(), (posting, activation) -> {
                JournalRows.bindPosting(postingRows, entryId, e.account(), posting, activation);
                postingRows.add();
            });
        }
        ColumnArrays holdingUpdates = plan.arrays(PostgresBatchPlan.HOLDING_UPDATE);
        ColumnArrays holdingInserts = plan.arrays(PostgresBatchPlan.HOLDING_INSERT);
        for (HoldingRow r : holdings.values()) {
            if (r.insert) {
                HoldingRows.bindInsert(holdingInserts, r.id, r.account, r.activation, r.holding);
                holdingInserts.add();
            } else {
                HoldingRows.bindUpdate(holdingUpdates, r.id, r.holding);
                holdingUpdates.add();
            }
        }
        ColumnArrays tripRows = plan.arrays(PostgresBatchPlan.ROUND_TRIP_INSERT);
        for (TripRow t : trips) {
            JdbiBookKeeper.bindRoundTrip(tripRows, t.account(), t.activation(), t.holding(), t.trip());
            tripRows.add();
        }
        ColumnArrays accountRows = plan.arrays(PostgresBatchPlan.ACCOUNT_UPDATE);
        accounts.forEach((id, row) -> {
            bindAccount(accountRows, id, row);
            accountRows.add();
        });
        ColumnArrays activationRows = plan.arrays(PostgresBatchPlan.ACTIVATION_UPDATE);
        activations.forEach((id, row) -> {
            bindActivation(activationRows, id, row);
            activationRows.add();
        });
        plan.execute(c, List.of(accountRows, orderInserts, orderUpdates, eventRows, fillRows, entryRows, postingRows, holdingUpdates,
                holdingInserts, tripRows, activationRows));
    }

    private void writeOrders(Connection c) throws SQLException {
        try (JdbcBatch inserts = new JdbcBatch(c, OrderRows.INSERT, false); JdbcBatch updates = new JdbcBatch(c, OrderRows.UPDATE, false)) {
            for (OrderRow o : orders.values()) {
                if (o.insert) {
                    OrderRows.bindInsert(inserts, o.id, o.account, o.activation, o.order, o.placedAt, o.versions, node);
                    inserts.add();
                } else {
                    OrderRows.bindUpdate(updates, o.id, o.account, o.activation, o.order, o.placedAt, o.versions);
                    updates.add();
                }
            }
            if (inserts.size() > 0) {
                inserts.execute();
            }
            if (updates.size() > 0) {
                requireEveryRow(updates.execute(), "order");
            }
        }
    }

    private void writeEntries(Connection c, List<Long> fillIds) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        List<Long> entryIds;
        try (JdbcBatch batch = new JdbcBatch(c, JournalRows.ENTRY_INSERT, true)) {
            for (EntryRow e : entries) {
                JournalRows.bindEntry(batch, e.account(), e.entry(), e.fill() < 0 ? null : fillIds.get(e.fill()));
                batch.add();
            }
            entryIds = batch.executeReturningIds();
        }
        try (JdbcBatch postings = new JdbcBatch(c, JournalRows.POSTING_INSERT, false)) {
            for (int i = 0; i < entries.size(); i++) {
                EntryRow e = entries.get(i);
                long entryId = entryIds.get(i);
                JournalRows.forEachPosting(e.entry(), e.activations(), (posting, activation) -> {
                    JournalRows.bindPosting(postings, entryId, e.account(), posting, activation);
                    postings.add();
                });
            }
            postings.execute();
        }
    }

    private void writeHoldings(Connection c) throws SQLException {
        try (JdbcBatch inserts = new JdbcBatch(c, HoldingRows.INSERT, false); JdbcBatch updates = new JdbcBatch(c, HoldingRows.UPDATE, false)) {
            for (HoldingRow r : holdings.values()) {
                if (r.insert) {
                    HoldingRows.bindInsert(inserts, r.id, r.account, r.activation, r.holding);
                    inserts.add();
                } else {
                    HoldingRows.bindUpdate(updates, r.id, r.holding);
                    updates.add();
                }
            }
            // close lifecycles before opening their successors: one open lifecycle per strategy and symbol
            if (updates.size() > 0) {
                requireEveryRow(updates.execute(), "holding");
            }
            if (inserts.size() > 0) {
                inserts.execute();
            }
        }
    }

    /** The fill and entry inserts with their ids given, for {@link #writeArrays}. */
    static final String FILL_INSERT_WITH_ID = JdbiBookKeeper.FILL_INSERT.replace("INSERT INTO fills (", "INSERT INTO fills (id, ")
            .replace("VALUES (", "VALUES (:id, ");
    static final String ENTRY_INSERT_WITH_ID = JournalRows.ENTRY_INSERT
            .replace("INSERT INTO journal_entries (", "INSERT INTO journal_entries (id, ").replace("VALUES (", "VALUES (:id, ");

    /** An account row not at the version the batch expected: another writer changed the account. */
    static void requireAccountVersions(int[] counts) {
        for (int c : counts) {
            if (c != 1 && c != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new ConcurrentChangeException("another writer changed the account since this process read it");
            }
        }
    }

    /** A batched update that missed a row means the database changed under the store: the batch must not commit. */
    private static void requireEveryRow(int[] counts, String what) {
        for (int c : counts) {
            if (c != 1 && c != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("a " + what + " row the store holds in memory is not in the database");
            }
        }
    }
}
