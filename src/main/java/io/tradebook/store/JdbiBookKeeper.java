package io.tradebook.store;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.CashEntries;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillPosting;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.Holding;
import io.tradebook.core.books.HoldingChange;
import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.LedgerAccount;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.store.AccountRepository.Activation;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.statement.Update;

/**
 * The books in the database. Each call is one transaction that first locks the account's row
 * ({@code SELECT … FOR UPDATE}), so writers of one account are serialised by the database itself
 * and several server processes can share it; then it applies the core's average-cost rules, and
 * writes the fill, its balanced journal entry, the holding lifecycles, the round trip and the
 * cached balances together, or nothing.
 *
 * <p>Accounts are named by their id (a UUID string) and strategies by their activation's name.
 * Refuses an unknown account or strategy, a fill in another currency than the account's, and
 * amounts that are not positive; a fill whose broker trade id the account already has changes
 * nothing and comes back as a duplicate.
 */
public final class JdbiBookKeeper implements BookKeeper {
    private final Jdbi jdbi;

    public JdbiBookKeeper(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public FillResult record(Fill fill) {
        UUID accountId = accountId(fill.account());
        return jdbi.inTransaction(h -> record(h, accountId, fill, null, null));
    }

    /**
     * Records {@code fill} on {@code h}, inside the caller's transaction: locks the account's row
     * (again, if the caller already holds it), then writes the fill, its journal entry, holdings,
     * round trip and cached balances. {@code orderId} and {@code brokerOrderId} (both may be null)
     * link the fill to the order it executed. The caller commits or rolls back; a duplicate trade
     * id writes nothing.
     */
    static FillResult record(Handle h, UUID accountId, Fill fill, UUID orderId, String brokerOrderId) {
        Currency currency = lockAccount(h, accountId);
        if (fill.price().currency() != currency) {
            throw new IllegalArgumentException("fill in " + fill.price().currency() + " for an account in " + currency);
        }
        Activation activation = activation(h, accountId, fill.strategy());
        boolean duplicate = h.createQuery("SELECT COUNT(*) FROM fills WHERE account_id = :account AND broker_trade_id = :trade")
                .bind("account", accountId).bind("trade", fill.tradeId()).mapTo(Integer.class).one() > 0;
        if (duplicate) {
            return FillResult.duplicateOf(fill);
        }
        HoldingRows.Row open = HoldingRows.findOpen(h, accountId, activation.id(), fill.account(), fill.strategy(), fill.symbol(), currency);
        HoldingChange change = Holding.record(open == null ? null : open.holding(), fill);
        boolean budget = activation.allocation() != null;
        JournalEntry entry = FillPosting.entryFor(fill, change, budget ? LedgerAccount.cash(fill.strategy()) : LedgerAccount.cashPool());

        Update insertFill = h.createUpdate(FILL_INSERT);
        bindFill(SqlParams.of(insertFill), accountId, activation.id(), orderId, brokerOrderId, fill, currency);
        long fillId = insertFill.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        JournalRows.insert(h, accountId, entry, fillId, Map.of(fill.strategy(), activation.id()));

        UUID lifecycleId = open == null
                ? HoldingRows.insert(h, accountId, activation.id(), change.after())
                : HoldingRows.update(h, open.id(), change.after());
        if (change.opened() != null) {
            HoldingRows.insert(h, accountId, activation.id(), change.opened());
        }
        if (change.closed() != null) {
            Update insertTrip = h.createUpdate(ROUND_TRIP_INSERT);
            bindRoundTrip(SqlParams.of(insertTrip), accountId, activation.id(), lifecycleId, change.closed().roundTrip());
            insertTrip.execute();
        }
        Money flow = fill.cashFlow();
        h.createUpdate("UPDATE accounts SET cash_balance = cash_balance + :flow, version = version + 1, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("flow", flow.amount()).bind("id", accountId).execute();
        h.createUpdate("UPDATE strategy_activations SET total_pnl = total_pnl + :pnl, "
                        + "cash_balance = CASE WHEN allocation_amount IS NULL THEN NULL ELSE cash_balance + :flow END, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("pnl", change.tradingPnl().minus(fill.fee()).amount()).bind("flow", flow.amount())
                .bind("id", activation.id()).execute();
        return new FillResult(fill, false, entry, change);
    }

    static final String FILL_INSERT = "INSERT INTO fills (account_id, strategy_activation_id, order_id, symbol, side, quantity, "
            + "price, fee, total_cost, currency, broker_trade_id, broker_order_id, confidence, executed_at) VALUES "
            + "(:account, :activation, :order, :symbol, :side, :quantity, :price, :fee, :totalCost, :currency, :trade, "
            + ":brokerOrder, :confidence, :time)";

    static final String ROUND_TRIP_INSERT = "INSERT INTO round_trips (id, account_id, strategy_activation_id, holding_id, symbol, "
            + "direction, entry_price, exit_price, size, entry_time, exit_time, pnl, fees, status, ai_confidence) VALUES (:id, :account, "
            + ":activation, :holding, :symbol, :direction, :entry, :exit, :size, :entryTime, :exitTime, :pnl, :fees, "
            + "'CLOSED', :confidence)";

    /** Binds every column of {@link #FILL_INSERT}; {@code orderId} and {@code brokerOrderId} may be null. */
    static void bindFill(SqlParams p, UUID accountId, UUID activationId, UUID orderId, String brokerOrderId, Fill fill, Currency currency) {
        p.set("account", accountId, Types.OTHER);
        p.set("activation", activationId, Types.OTHER);
        p.set("order", orderId, Types.OTHER);
        p.set("brokerOrder", brokerOrderId, Types.VARCHAR);
        p.set("symbol", fill.symbol(), Types.VARCHAR);
        p.set("side", fill.side().name(), Types.VARCHAR);
        p.set("quantity", fill.quantity().value(), Types.NUMERIC);
        p.set("price", fill.price().value(), Types.NUMERIC);
        p.set("fee", fill.fee().amount(), Types.NUMERIC);
        p.set("totalCost", fill.cashFlow().abs().amount(), Types.NUMERIC);
        p.set("currency", currency.code(), Types.VARCHAR);
        p.set("trade", fill.tradeId(), Types.VARCHAR);
        p.set("confidence", fill.confidence(), Types.NUMERIC);
        p.set("time", SqlTypes.utc(fill.time()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Binds every column of {@link #ROUND_TRIP_INSERT}. */
    static void bindRoundTrip(SqlParams p, UUID accountId, UUID activationId, UUID holdingId, RoundTrip trip) {
        p.set("id", TimeOrderedIds.next(), Types.OTHER);
        p.set("account", accountId, Types.OTHER);
        p.set("activation", activationId, Types.OTHER);
        p.set("holding", holdingId, Types.OTHER);
        p.set("symbol", trip.symbol(), Types.VARCHAR);
        p.set("direction", trip.direction().name(), Types.VARCHAR);
        p.set("entry", trip.entryPrice().value(), Types.NUMERIC);
        p.set("exit", trip.exitPrice().value(), Types.NUMERIC);
        p.set("size", trip.size().value(), Types.NUMERIC);
        p.set("entryTime", SqlTypes.utc(trip.entryTime()), Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("exitTime", SqlTypes.utc(trip.exitTime()), Types.TIMESTAMP_WITH_TIMEZONE);
        p.set("pnl", trip.pnl().amount(), Types.NUMERIC);
        p.set("fees", trip.fees().amount(), Types.NUMERIC);
        p.set("confidence", trip.confidence(), Types.NUMERIC);
    }

    @Override
    public boolean deposit(String account, Money amount, Instant time, String reference) {
        return recordCash(account, reference, amount.amount(), c -> CashEntries.deposit(account, c, amount, time, reference));
    }

    @Override
    public boolean withdraw(String account, Money amount, Instant time, String reference) {
        return recordCash(account, reference, amount.amount().negate(), c -> CashEntries.withdrawal(account, c, amount, time, reference));
    }

    /** Posts a deposit or withdrawal once per reference; {@code signed} is what it adds to cash and net deposits. */
    private boolean recordCash(String account, String reference, BigDecimal signed, Function<Currency, JournalEntry> entryIn) {
        UUID accountId = accountId(account);
        return jdbi.inTransaction(h -> {
            JournalEntry entry = entryIn.apply(lockAccount(h, accountId));
            if (hasCashEntry(h, accountId, reference)) {
                return false;
            }
            JournalRows.insert(h, accountId, entry, null, Map.of());
            h.createUpdate("UPDATE accounts SET cash_balance = cash_balance + :a, net_deposits = net_deposits + :a, "
                    + "version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = :id").bind("a", signed).bind("id", accountId).execute();
            return true;
        });
    }

    @Override
    public void allocate(String account, String strategy, Money amount, Instant time) {
        UUID accountId = accountId(account);
        jdbi.useTransaction(h -> allocate(h, account, accountId, lockAccount(h, accountId), activation(h, accountId, strategy), amount, time));
    }

    /**
     * Moves {@code amount} from the account's shared pool into {@code activation}'s budget, journalled,
     * inside the caller's transaction (which holds the account's lock).
     */
    static void allocate(Handle h, String account, UUID accountId, Currency currency, Activation activation, Money amount, Instant time) {
        JournalRows.insert(h, accountId, CashEntries.allocation(account, currency, activation.name(), amount, time), null,
                Map.of(activation.name(), activation.id()));
        h.createUpdate("UPDATE strategy_activations SET allocation_amount = COALESCE(allocation_amount, 0) + :a, "
                + "cash_balance = COALESCE(cash_balance, 0) + :a, updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                .bind("a", amount.amount()).bind("id", activation.id()).execute();
    }

    @Override
    public void release(String account, String strategy, Money amount, Instant time) {
        UUID accountId = accountId(account);
        jdbi.useTransaction(h -> {
            Currency currency = lockAccount(h, accountId);
            Activation activation = activation(h, accountId, strategy);
            if (activation.allocation() == null) {
                throw new IllegalArgumentException("strategy " + strategy + " has no allocation");
            }
            JournalRows.insert(h, accountId, CashEntries.release(account, currency, strategy, amount, time), null,
                    Map.of(strategy, activation.id()));
            h.createUpdate("UPDATE strategy_activations SET allocation_amount = GREATEST(allocation_amount - :a, 0), "
                    + "cash_balance = cash_balance - :a, updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("a", amount.amount()).bind("id", activation.id()).execute();
        });
    }

    @Override
    public AccountSnapshot snapshot(String account) {
        UUID accountId = accountId(account);
        return jdbi.inTransaction(h -> {
            Map<String, Object> row = h.createQuery("SELECT base_currency, cash_balance, net_deposits FROM accounts WHERE id = :id")
                    .bind("id", accountId).mapToMap().findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
            Currency currency = Currency.of((String) row.get("base_currency"));
            List<AccountSnapshot.Position> positions = h.createQuery("SELECT s.name AS strategy, h.symbol, "
                            + "MAX(CASE WHEN h.status = 'OPEN' THEN h.side END) AS side, "
                            + "SUM(CASE WHEN h.status = 'OPEN' THEN h.quantity ELSE 0 END) AS quantity, "
                            + "MAX(CASE WHEN h.status = 'OPEN' THEN h.average_price ELSE 0 END) AS average_price, "
                            + "SUM(CASE WHEN h.status = 'OPEN' THEN h.cost_basis ELSE 0 END) AS cost_basis, "
                            + "SUM(h.realized_pnl) AS realized_pnl, SUM(h.fees) AS fees, "
                            + "SUM(CASE WHEN h.status = 'CLOSED' THEN 1 ELSE 0 END) AS round_trips "
                            + "FROM holdings h JOIN strategy_activations s ON s.id = h.strategy_activation_id "
                            + "WHERE h.account_id = :id GROUP BY s.name, h.symbol ORDER BY s.name, h.symbol")
                    .bind("id", accountId)
                    .map((rs, ctx) -> new AccountSnapshot.Position(rs.getString("strategy"), rs.getString("symbol"),
                            rs.getString("side") == null ? PositionSide.FLAT : PositionSide.valueOf(rs.getString("side")),
                            Quantity.of(rs.getBigDecimal("quantity")), Price.of(rs.getBigDecimal("average_price"), currency),
                            Money.of(rs.getBigDecimal("cost_basis"), currency), Money.of(rs.getBigDecimal("realized_pnl"), currency),
                            Money.of(rs.getBigDecimal("fees"), currency), rs.getInt("round_trips")))
                    .list();
            positions = new java.util.ArrayList<>(positions);
            positions.sort(java.util.Comparator.comparing(AccountSnapshot.Position::strategy).thenComparing(AccountSnapshot.Position::symbol));
            return new AccountSnapshot(account, Money.of((BigDecimal) row.get("cash_balance"), currency),
                    Money.of((BigDecimal) row.get("net_deposits"), currency), positions);
        });
    }

    @Override
    public List<String> verify(String account) {
        UUID accountId = accountId(account);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> DatabaseBookCheck.verify(h, accountId));
    }

    /** True when the account has a deposit or withdrawal with this reference (callers hold the account lock). */
    private static boolean hasCashEntry(Handle h, UUID accountId, String reference) {
        return h.createQuery("SELECT COUNT(*) FROM journal_entries WHERE account_id = :a AND entry_type IN ('DEPOSIT', 'WITHDRAWAL') "
                        + "AND description = :ref").bind("a", accountId).bind("ref", reference).mapTo(Integer.class).one() > 0;
    }

    /** Locks the account's row until the transaction ends and returns its currency; refuses an unknown account. */
    static Currency lockAccount(Handle h, UUID accountId) {
        return h.createQuery("SELECT base_currency FROM accounts WHERE id = :id FOR UPDATE")
                .bind("id", accountId).mapTo(String.class).findOne()
                .map(Currency::of)
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
    }

    private static Activation activation(Handle h, UUID accountId, String strategy) {
        return AccountRepository.findActivation(h, accountId, strategy)
                .orElseThrow(() -> new IllegalArgumentException("account " + accountId + " has no strategy activation '" + strategy + "'"));
    }

    static UUID accountId(String account) {
        try {
            return UUID.fromString(account);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account must be an account id (UUID): '" + account + "'", e);
        }
    }

    @Override
    public Quantity position(String account, String strategy, String symbol) {
        UUID accountId = accountId(account);
        return jdbi.withHandle(h -> h.createQuery("SELECT h.side, h.quantity FROM holdings h JOIN strategy_activations s "
                        + "ON s.id = h.strategy_activation_id WHERE h.account_id = :a AND s.name = :s AND h.symbol = :sym "
                        + "AND h.status = 'OPEN'").bind("a", accountId).bind("s", strategy).bind("sym", symbol)
                .map((rs, ctx) -> {
                    Quantity q = Quantity.of(rs.getBigDecimal("quantity"));
                    return "SHORT".equals(rs.getString("side")) ? q.negate() : q;
                }).findOne().orElse(Quantity.ZERO));
    }

    @Override
    public Quantity netPosition(String account, String symbol) {
        UUID accountId = accountId(account);
        BigDecimal net = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(CASE WHEN side = 'SHORT' THEN -quantity ELSE quantity END), 0) "
                + "FROM holdings WHERE account_id = :a AND symbol = :s AND status = 'OPEN'").bind("a", accountId).bind("s", symbol)
                .mapTo(BigDecimal.class).one());
        return Quantity.of(net);
    }

    @Override
    public Money cashAvailable(String account, String strategy) {
        UUID accountId = accountId(account);
        return jdbi.withHandle(h -> {
            Map<String, Object> row = h.createQuery("SELECT a.base_currency, a.cash_balance, s.allocation_amount, s.cash_balance AS budget "
                            + "FROM accounts a LEFT JOIN strategy_activations s ON s.account_id = a.id AND s.name = :s WHERE a.id = :a")
                    .bind("a", accountId).bind("s", strategy).mapToMap().findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
            Currency currency = Currency.of((String) row.get("base_currency"));
            if (row.get("allocation_amount") != null) {
                return Money.of((BigDecimal) row.get("budget"), currency);
            }
            BigDecimal budgets = h.createQuery("SELECT COALESCE(SUM(cash_balance), 0) FROM strategy_activations "
                    + "WHERE account_id = :a AND allocation_amount IS NOT NULL").bind("a", accountId).mapTo(BigDecimal.class).one();
            return Money.of(((BigDecimal) row.get("cash_balance")).subtract(budgets), currency);
        });
    }
}
