package io.tradebook.store;

import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.CashEntries;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.HoldingChange;
import io.tradebook.core.books.JournalEntry;
import io.tradebook.core.books.StrategyPosition;
import io.tradebook.core.execution.ConcurrentChangeException;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The orders and books in the database, written by group commit: the store keeps each account it
 * serves in memory (its books, open orders and open holdings, loaded from the database on first
 * use by replaying its journal), applies every change there under the account's lock with the
 * core's rules, and hands the resulting rows to a {@link GroupCommitLog}. A call returns once its
 * rows are committed, so what it reports is durable, exactly as with {@link JdbiExecutionStore};
 * but the rows of many concurrent calls share one transaction and one batched statement per table.
 * It writes the very rows {@link JdbiExecutionStore} and {@link JdbiBookKeeper} write, so
 * {@code verify-books}, the views and the other readers see no difference.
 *
 * <p>The store must be the only writer of the accounts it serves (one server process): it does
 * not re-read what it holds in memory. If a write fails, the account's state is dropped and loaded
 * again on next use, and the calls whose writes were not committed fail.
 *
 * <p>Refuses what {@link JdbiExecutionStore} refuses, with the same messages, before changing anything.
 */
public final class GroupCommitExecutionStore implements ExecutionStore, AutoCloseable {
    private static final Comparator<Order> OLDEST_FIRST = Comparator.comparing(Order::createdAt).thenComparing(Order::id);

    private final Jdbi jdbi;
    private final GroupCommitLog log;
    private final ConcurrentMap<UUID, Account> accounts = new ConcurrentHashMap<>();
    /** Orders that are open or whose latest write is not yet committed, by id: the others are read from the database. */
    private final ConcurrentMap<String, Order> live = new ConcurrentHashMap<>();
    private final Keeper keeper = new Keeper();
    /** The writes this thread handed in without waiting, inside {@link #writeBehind}; null outside it. */
    private final ThreadLocal<List<CompletableFuture<Void>>> behind = new ThreadLocal<>();

    private final boolean exclusive;

    /** A store that may share its accounts with other processes, with two writers and transactions of at most 1,000 calls. */
    public GroupCommitExecutionStore(Jdbi jdbi) {
        this(jdbi, 2, 1000);
    }

    /**
     * A store that may share its accounts with other processes (other servers on the same
     * database): every call is durable before it returns, and a change computed from a state
     * another writer has since changed is refused with a {@link ConcurrentChangeException}.
     */
    public GroupCommitExecutionStore(Jdbi jdbi, int writers, int maxBatch) {
        this(jdbi, writers, maxBatch, false, null);
    }

    /**
     * As {@link #GroupCommitExecutionStore(Jdbi, int, int)}, for the server process that runs as
     * {@code node}: each order it inserts records the node as the one that placed it
     * ({@code orders.placed_by}), so that only that node resumes it after a restart.
     */
    public GroupCommitExecutionStore(Jdbi jdbi, int writers, int maxBatch, String node) {
        this(jdbi, writers, maxBatch, false, java.util.Objects.requireNonNull(node, "node"));
    }

    /** For tests: writers beyond the first help as soon as more than {@code helpAt} writes wait per busy writer. */
    GroupCommitExecutionStore(Jdbi jdbi, int writers, int maxBatch, int helpAt) {
        this(new GroupCommitLog(jdbi, writers, maxBatch, helpAt, null), jdbi, false);
    }

    private GroupCommitExecutionStore(Jdbi jdbi, int writers, int maxBatch, boolean exclusive, String node) {
        this(new GroupCommitLog(jdbi, writers, maxBatch, node), jdbi, exclusive);
    }

    private GroupCommitExecutionStore(GroupCommitLog log, Jdbi jdbi, boolean exclusive) {
        this.jdbi = jdbi;
        this.log = log;
        this.exclusive = exclusive;
    }

    /**
     * A store that is the only writer of its accounts (one process): as a shared one, and besides
     * it writes behind ({@link #writeBehind}), so an order placed and filled in one call costs one
     * commit. Changes by another writer are still detected and refused, but an order the paper
     * broker already filled in a refused call is then known only to the paper broker.
     */
    public static GroupCommitExecutionStore exclusive(Jdbi jdbi, int writers, int maxBatch) {
        return new GroupCommitExecutionStore(jdbi, writers, maxBatch, true, null);
    }

    /** One account in memory, and the owner of its writes in the log. */
    private final class Account implements GroupCommitLog.Owner {
        final UUID id;
        final Currency currency;
        final AccountBook book;
        final Map<String, UUID> activationIds = new HashMap<>();
        /** Allocation amounts of strategies that have one (the column is null for the others). */
        final Map<String, BigDecimal> allocations = new HashMap<>();
        final Map<String, Order> open = new LinkedHashMap<>();
        /** Client order ids of the open orders and of those whose writes are pending, to their order ids. */
        final Map<String, String> clientIds = new HashMap<>();
        /** The row id of each open lifecycle, by strategy and symbol. */
        final Map<String, UUID> openHoldings = new HashMap<>();
        final Set<String> references = new HashSet<>();
        volatile RuntimeException failure;
        /** The write of the latest new order: writes of an account commit in order, so once it is done, every order before it is. */
        CompletableFuture<Void> lastWrite;
        /** What {@link #placed} counts from: orders created at or after it (null: not counted yet). */
        Instant countedSince;
        /** Orders not REJECTED created since {@link #countedSince}, by strategy name: committed ones as read, then each placed here. */
        final Map<String, Integer> placed = new HashMap<>();
        /** The version of the account's row once every write handed in so far is committed. */
        long version;

        Account(UUID id, Currency currency, AccountBook book, long version) {
            this.id = id;
            this.currency = currency;
            this.book = book;
            this.version = version;
        }

        @Override
        public long takeVersion() {
            return version++;
        }

        @Override
        public UUID account() {
            return id;
        }

        @Override
        public void failed(RuntimeException cause) {
            synchronized (this) {
                failure = cause;
                String key = id.toString();
                live.values().removeIf(o -> o.account().equals(key));
                accounts.remove(id, this);
            }
        }

        @Override
        public boolean hasFailed() {
            return failure != null;
        }

        /** The activation id of {@code strategy} (null for none), reading activations made since the account was loaded. */
        UUID activation(String strategy) {
            if (strategy == null) {
                return null;
            }
            UUID id = activationIds.get(strategy);
            if (id == null) {
                jdbi.useHandle(h -> loadActivations(h, this));
                id = activationIds.get(strategy);
            }
            if (id == null) {
                throw new IllegalArgumentException("account " + this.id + " has no strategy activation '" + strategy + "'");
            }
            return id;
        }

        UUID activationOf(String strategy) {
            return activationIds.get(strategy);
        }
    }

    /** What a change of one account returns, and the future of its write (null when it wrote nothing). */
    private record Pending<T>(T result, CompletableFuture<Void> written) {
    }

    // ------------------------------------------------------------------ orders

    @Override
    public void insert(Order order, OrderEvent event) {
        UUID id = requireKeys(order, event);
        JdbiExecutionStore.refusingDuplicates(order, () -> change(uuid(order.account(), "account"), a -> {
            requireCurrency(order, a.currency);
            UUID activation = a.activation(order.strategy());
            // an id already committed and no longer in memory is refused by the primary key when written
            if (live.containsKey(order.id())) {
                throw new IllegalArgumentException("order id " + order.id() + " is already stored");
            }
            requireFreeClientOrderId(a, order);
            remember(a, order);
            countPlaced(a, order);
            Pending<Void> written = write(a, order, b -> b.insertOrder(id, a.id, activation, order, event));
            a.lastWrite = written.written();
            return written;
        }));
    }

    /** Both states in one write: one wait for one commit. */
    @Override
    public void insertPlaced(Order pending, OrderEvent created, Order placed, OrderEvent moved) {
        UUID id = requireKeys(pending, created);
        requireKeys(placed, moved);
        if (!placed.id().equals(pending.id()) || !placed.account().equals(pending.account())) {
            throw new IllegalArgumentException("order " + placed.id() + " is not the next state of order " + pending.id());
        }
        JdbiExecutionStore.refusingDuplicates(pending, () -> change(uuid(pending.account(), "account"), a -> {
            requireCurrency(pending, a.currency);
            requireCurrency(placed, a.currency);
            UUID activation = a.activation(pending.strategy());
            UUID placedActivation = a.activation(placed.strategy());
            if (live.containsKey(pending.id())) {
                throw new IllegalArgumentException("order id " + pending.id() + " is already stored");
            }
            requireFreeClientOrderId(a, pending);
            requireFreeClientOrderId(a, placed);
            remember(a, placed);
            countPlaced(a, placed);
            Pending<Void> written = write(a, placed, b -> {
                b.insertOrder(id, a.id, activation, pending, created);
                b.updateOrder(id, a.id, placedActivation, placed, moved);
            });
            a.lastWrite = written.written();
            return written;
        }));
    }

    @Override
    public void update(Order order, OrderEvent event) {
        UUID id = requireKeys(order, event);
        change(uuid(order.account(), "account"), a -> {
            requireCurrency(order, a.currency);
            UUID activation = a.activation(order.strategy());
            requireHeld(a, order);
            requireFreeClientOrderId(a, order);
            remember(a, order);
            return write(a, order, b -> b.updateOrder(id, a.id, activation, order, event));
        });
    }

    @Override
    public FillResult recordFill(Order order, OrderEvent event, Fill fill) {
        UUID id = requireKeys(order, event);
        if (!fill.account().equals(order.account())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " of account " + fill.account() + " for order " + order.id()
                    + " of account " + order.account());
        }
        return change(uuid(order.account(), "account"), a -> {
            requireCurrency(order, a.currency);
            UUID activation = a.activation(order.strategy());
            requireHeld(a, order);
            requireFreeClientOrderId(a, order);
            FillResult result = applyFill(a, fill);
            if (result.duplicate()) {
                return new Pending<>(result, null);
            }
            Consumer<RowBatch> fillRows = fillRows(a, result, id, order.brokerOrderId());
            remember(a, order);
            return new Pending<>(result, write(a, order, b -> {
                b.updateOrder(id, a.id, activation, order, event);
                fillRows.accept(b);
            }).written());
        });
    }

    @Override
    public Optional<Order> find(String orderId) {
        Order known = live.get(orderId);
        if (known != null) {
            return Optional.of(known);
        }
        return canonicalUuid(orderId).flatMap(id -> jdbi.withHandle(h -> OrderRows.find(h, id)));
    }

    @Override
    public Optional<Order> findByClientOrderId(String account, String clientOrderId) {
        Optional<UUID> accountId = canonicalUuid(account);
        if (accountId.isEmpty()) {
            return Optional.empty();
        }
        Account a = accounts.get(accountId.get());
        if (a != null) {
            synchronized (a) {
                String id = a.clientIds.get(clientOrderId);
                Order known = id == null ? null : live.get(id);
                if (known != null) {
                    return Optional.of(known);
                }
            }
        }
        return jdbi.withHandle(h -> OrderRows.findByClientOrderId(h, accountId.get(), clientOrderId));
    }

    @Override
    public List<Order> openOrders(String account) {
        Optional<UUID> accountId = canonicalUuid(account);
        if (accountId.isEmpty() || !accountExists(accountId.get())) {
            return List.of();
        }
        Account a = account(accountId.get());
        synchronized (a) {
            List<Order> open = new ArrayList<>(a.open.values());
            open.sort(OLDEST_FIRST);
            return open;
        }
    }

    @Override
    public List<OrderEvent> events(String orderId) {
        return canonicalUuid(orderId).map(id -> jdbi.withHandle(h -> OrderRows.events(h, id))).orElse(List.of());
    }

    @Override
    public BookKeeper books() {
        return keeper;
    }

    /**
     * In a store made by {@link #exclusive}: runs {@code work} with this thread's writes handed to
     * the group commit without waiting for each, then waits once for all of them: an order placed and filled in one call is then made
     * durable by one commit instead of two. Throws the reason a write failed; when {@code work}
     * itself fails, its writes are still waited for before its exception is thrown.
     */
    @Override
    public <T> T writeBehind(java.util.function.Supplier<T> work) {
        if (!exclusive || behind.get() != null) {
            return work.get();
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        behind.set(writes);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            behind.remove();
            for (CompletableFuture<Void> w : writes) {
                w.exceptionally(x -> null).join();
            }
            throw e;
        }
        behind.remove();
        awaitAll(writes);
        return result;
    }

    @Override
    public void awaitWrites() {
        List<CompletableFuture<Void>> writes = behind.get();
        if (writes != null) {
            awaitAll(writes);
        }
    }

    /** Waits for every write in {@code writes} and empties it; throws the first failure once all have finished. */
    private static void awaitAll(List<CompletableFuture<Void>> writes) {
        RuntimeException first = null;
        for (CompletableFuture<Void> w : writes) {
            try {
                GroupCommitLog.await(w);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        writes.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Writes what was handed in so far and stops the writers. */
    @Override
    public void close() {
        log.close();
    }

    private void requireHeld(Account a, Order order) {
        Order known = live.get(order.id());
        boolean held = known != null ? known.account().equals(order.account())
                : jdbi.withHandle(h -> OrderRows.find(h, UUID.fromString(order.id()))).filter(o -> o.account().equals(order.account()))
                .isPresent();
        if (!held) {
            throw new IllegalArgumentException("no order " + order.id() + " on account " + order.account());
        }
    }

    private void requireFreeClientOrderId(Account a, Order order) {
        String client = order.clientOrderId();
        if (client == null) {
            return;
        }
        String holder = a.clientIds.get(client);
        if (holder == null) {
            holder = jdbi.withHandle(h -> OrderRows.clientOrderIdHolder(h, a.id, client, UUID.fromString(order.id())))
                    .map(UUID::toString).orElse(null);
        }
        if (holder != null && !holder.equals(order.id())) {
            throw new IllegalArgumentException("client order id " + client + " already used on account " + order.account());
        }
    }

    /** Keeps the order's latest state in memory until its write is committed (and for as long as it is open). */
    private void remember(Account a, Order order) {
        Order before = live.put(order.id(), order);
        if (before != null && before.clientOrderId() != null && !before.clientOrderId().equals(order.clientOrderId())) {
            a.clientIds.remove(before.clientOrderId());
        }
        if (order.clientOrderId() != null) {
            a.clientIds.put(order.clientOrderId(), order.id());
        }
        if (order.isOpen()) {
            a.open.put(order.id(), order);
        } else {
            a.open.remove(order.id());
        }
    }

    /** Counts a new order in its account's orders placed since {@link Account#countedSince}, unless REJECTED. */
    private static void countPlaced(Account a, Order order) {
        if (a.countedSince != null && order.status() != io.tradebook.core.orders.OrderStatus.REJECTED
                && !order.createdAt().isBefore(a.countedSince)) {
            a.placed.merge(order.strategy(), 1, Integer::sum);
        }
    }

    /**
     * Today's orders of an account, for MAX_ORDERS_PER_DAY across processes: counted from the
     * database once per {@code since} (after this store's pending writes of the account are
     * committed, so the count has them), then kept up by each order placed here. When another
     * process places orders on the account, this store's next write of it is refused (the
     * account's version moved), its state is read again, and with it this count: a check made on
     * a stale count is made again before anything is stored.
     */
    @Override
    public java.util.OptionalInt placedSince(String account, String strategy, Instant since) {
        Optional<UUID> accountId = canonicalUuid(account);
        if (accountId.isEmpty() || !accountExists(accountId.get())) {
            return java.util.OptionalInt.of(0);
        }
        while (true) {
            Account a = account(accountId.get());
            CompletableFuture<Void> pending;
            synchronized (a) {
                if (since.equals(a.countedSince) && !a.hasFailed()) {
                    return java.util.OptionalInt.of(strategy == null ? a.placed.values().stream().mapToInt(Integer::intValue).sum()
                            : a.placed.getOrDefault(strategy, 0));
                }
                pending = a.lastWrite;
            }
            if (pending != null) {
                try {
                    pending.join();
                } catch (RuntimeException e) {
                    continue; // the account failed and is read again
                }
            }
            Map<String, Integer> counted = new HashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT s.name, COUNT(*) AS n FROM orders o JOIN strategy_activations s "
                            + "ON s.id = o.strategy_activation_id WHERE o.account_id = :account AND o.created_at >= :since "
                            + "AND o.status <> 'REJECTED' GROUP BY s.name")
                    .bind("account", accountId.get()).bind("since", SqlTypes.utc(since))
                    .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getInt("n"))).forEach(e -> counted.put(e.getKey(), e.getValue())));
            synchronized (a) {
                if (a.lastWrite == pending && !a.hasFailed()) {
                    a.placed.clear();
                    a.placed.putAll(counted);
                    a.countedSince = since;
                }
            }
        }
    }

    /** Hands in {@code rows}; once they are committed, a closed order is forgotten unless it changed again meanwhile. */
    private Pending<Void> write(Account a, Order order, Consumer<RowBatch> rows) {
        CompletableFuture<Void> written = log.append(a, rows);
        if (!order.isOpen()) {
            written.thenRun(() -> {
                synchronized (a) {
                    if (live.remove(order.id(), order) && order.clientOrderId() != null) {
                        a.clientIds.remove(order.clientOrderId(), order.id());
                    }
                }
            });
        }
        return new Pending<>(null, written);
    }

    // ------------------------------------------------------------------ books

    /** Applies a fill to the account's books, after the checks the database keeper makes. */
    private FillResult applyFill(Account a, Fill fill) {
        if (fill.price().currency() != a.currency) {
            throw new IllegalArgumentException("fill in " + fill.price().currency() + " for an account in " + a.currency);
        }
        a.activation(fill.strategy());
        try {
            return a.book.apply(fill);
        } catch (RuntimeException e) {
            a.failed(e); // the books may have taken part of it: load them again
            throw e;
        }
    }

    /**
     * The rows of an applied fill, as {@link JdbiBookKeeper#record} writes them: the fill and its
     * entry, the lifecycle it moved (and the one it opened, when it flipped the position), the
     * round trip it finished, and the cached balances after it. Updates which lifecycle is open.
     */
    private Consumer<RowBatch> fillRows(Account a, FillResult result, UUID orderId, String brokerOrderId) {
        Fill fill = result.fill();
        HoldingChange change = result.change();
        UUID activation = a.activationOf(fill.strategy());
        String key = fill.strategy() + "\u0000" + fill.symbol();
        UUID open = a.openHoldings.get(key);
        UUID lifecycle = open == null ? TimeOrderedIds.next() : open;
        UUID opened = change.opened() == null ? null : TimeOrderedIds.next();
        if (change.after().isOpen()) {
            a.openHoldings.put(key, lifecycle);
        } else if (opened != null) {
            a.openHoldings.put(key, opened);
        } else {
            a.openHoldings.remove(key);
        }
        Consumer<RowBatch> balances = balanceRows(a, fill.strategy());
        return b -> {
            b.fill(a.id, activation, orderId, brokerOrderId, fill, a.currency, result.entry(), a::activationOf);
            b.holding(lifecycle, a.id, activation, change.after(), open == null);
            if (opened != null) {
                b.holding(opened, a.id, activation, change.opened(), true);
            }
            if (change.closed() != null) {
                b.roundTrip(a.id, activation, lifecycle, change.closed().roundTrip());
            }
            balances.accept(b);
        };
    }

    /** The account's cached cash and net deposits, and {@code strategy}'s cached figures (if not null), as they stand now. */
    private Consumer<RowBatch> balanceRows(Account a, String strategy) {
        Money cash = a.book.cash();
        Money deposits = a.book.netDeposits();
        if (strategy == null) {
            return b -> b.account(a.id, cash, deposits);
        }
        UUID activation = a.activationOf(strategy);
        Money pnl = a.book.realizedPnlOf(strategy);
        BigDecimal allocation = a.allocations.get(strategy);
        Money budget = allocation == null ? null : a.book.cashAvailableTo(strategy);
        return b -> {
            b.account(a.id, cash, deposits);
            b.activation(activation, pnl, allocation, budget);
        };
    }

    /** The books of the accounts this store serves, written by the same group commit as the orders. */
    private final class Keeper implements BookKeeper {
        @Override
        public FillResult record(Fill fill) {
            return change(JdbiBookKeeper.accountId(fill.account()), a -> {
                FillResult result = applyFill(a, fill);
                if (result.duplicate()) {
                    return new Pending<>(result, null);
                }
                return new Pending<>(result, log.append(a, fillRows(a, result, null, null)));
            });
        }

        @Override
        public boolean deposit(String account, Money amount, Instant time, String reference) {
            return cash(account, reference, a -> {
                CashEntries.deposit(account, a.currency, amount, time, reference);
                return () -> a.book.deposit(amount, time, reference);
            });
        }

        @Override
        public boolean withdraw(String account, Money amount, Instant time, String reference) {
            return cash(account, reference, a -> {
                CashEntries.withdrawal(account, a.currency, amount, time, reference);
                return () -> a.book.withdraw(amount, time, reference);
            });
        }

        /** Posts a deposit or withdrawal once per reference: {@code check} refuses bad input before anything changes. */
        private boolean cash(String account, String reference, Function<Account, java.util.function.Supplier<JournalEntry>> check) {
            return change(JdbiBookKeeper.accountId(account), a -> {
                java.util.function.Supplier<JournalEntry> post = check.apply(a);
                if (!a.references.add(reference)) {
                    return new Pending<>(false, null);
                }
                JournalEntry entry = post.get();
                Consumer<RowBatch> balances = balanceRows(a, null);
                return new Pending<>(true, log.append(a, b -> {
                    b.cashEntry(a.id, entry, a::activationOf);
                    balances.accept(b);
                }));
            });
        }

        @Override
        public void allocate(String account, String strategy, Money amount, Instant time) {
            change(JdbiBookKeeper.accountId(account), a -> {
                a.activation(strategy);
                JournalEntry entry = a.book.allocate(strategy, amount, time);
                a.allocations.merge(strategy, amount.amount(), BigDecimal::add);
                return budgetMoved(a, strategy, entry);
            });
        }

        @Override
        public void release(String account, String strategy, Money amount, Instant time) {
            change(JdbiBookKeeper.accountId(account), a -> {
                a.activation(strategy);
                if (!a.allocations.containsKey(strategy)) {
                    throw new IllegalArgumentException("strategy " + strategy + " has no allocation");
                }
                JournalEntry entry = a.book.release(strategy, amount, time);
                a.allocations.put(strategy, a.allocations.get(strategy).subtract(amount.amount()).max(BigDecimal.ZERO));
                return budgetMoved(a, strategy, entry);
            });
        }

        private Pending<Void> budgetMoved(Account a, String strategy, JournalEntry entry) {
            Consumer<RowBatch> balances = balanceRows(a, strategy);
            return new Pending<>(null, log.append(a, b -> {
                b.cashEntry(a.id, entry, a::activationOf);
                balances.accept(b);
            }));
        }

        @Override
        public Quantity position(String account, String strategy, String symbol) {
            return read(account, a -> {
                StrategyPosition p = a.book.position(strategy, symbol);
                return p == null ? Quantity.ZERO : p.signedQuantity();
            });
        }

        @Override
        public Quantity netPosition(String account, String symbol) {
            return read(account, a -> a.book.netPosition(symbol));
        }

        @Override
        public Money cashAvailable(String account, String strategy) {
            return read(account, a -> a.book.cashAvailableTo(strategy));
        }

        @Override
        public AccountSnapshot snapshot(String account) {
            return read(account, a -> a.book.snapshot());
        }

        /** What the database holds, checked against its journal (as {@code verify-books} does), and the memory's own check. */
        @Override
        public List<String> verify(String account) {
            UUID id = JdbiBookKeeper.accountId(account);
            List<String> differences = new ArrayList<>(jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> DatabaseBookCheck.verify(h, id)));
            differences.addAll(read(account, a -> a.book.verify()));
            return differences;
        }

        private <T> T read(String account, Function<Account, T> reading) {
            Account a = account(JdbiBookKeeper.accountId(account));
            synchronized (a) {
                return reading.apply(a);
            }
        }
    }

    // ------------------------------------------------------------------ accounts in memory

    /**
     * Runs {@code work} on the account under its lock, then waits (without the lock) until its
     * write is committed. Work that fails after it changed the memory leaves the account to be
     * loaded again; work on an account whose earlier write failed starts over on a fresh load.
     */
    private <T> T change(UUID accountId, Function<Account, Pending<T>> work) {
        while (true) {
            Account a = account(accountId);
            Pending<T> pending;
            synchronized (a) {
                if (a.hasFailed()) {
                    continue;
                }
                pending = work.apply(a);
            }
            if (pending.written() != null) {
                List<CompletableFuture<Void>> deferred = behind.get();
                if (deferred != null) {
                    deferred.add(pending.written());
                } else {
                    GroupCommitLog.await(pending.written());
                }
            }
            return pending.result();
        }
    }

    /**
     * Forgets what this store holds of {@code account} if another writer has changed it since (the
     * row's version is past the one this store's own writes lead to), so that it is read again on
     * next use. Returns true when it forgot it. One indexed query; nothing when the store does not
     * hold the account.
     */
    public boolean refreshIfChanged(String account) {
        Optional<UUID> id = canonicalUuid(account);
        Account a = id.map(accounts::get).orElse(null);
        if (a == null) {
            return false;
        }
        Long stored = jdbi.withHandle(h -> h.createQuery("SELECT version FROM accounts WHERE id = :id").bind("id", a.id)
                .mapTo(Long.class).findOne().orElse(null));
        synchronized (a) {
            if (stored != null && stored > a.version && !a.hasFailed()) {
                a.failed(new ConcurrentChangeException("account " + a.id + " was changed by another writer"));
                return true;
            }
        }
        return false;
    }

    private Account account(UUID id) {
        while (true) {
            Account a = accounts.get(id);
            if (a != null && !a.hasFailed()) {
                return a;
            }
            if (a != null) {
                accounts.remove(id, a);
            }
            a = accounts.computeIfAbsent(id, this::load);
            if (!a.hasFailed()) {
                return a;
            }
        }
    }

    private boolean accountExists(UUID id) {
        return accounts.containsKey(id) || jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0);
    }

    /** Loads an account: its books by replaying its journal, its activations, open orders, open lifecycles and cash references. */
    private Account load(UUID id) {
        // one snapshot for every read: another process may commit between them
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Map<String, Object> row = h.createQuery("SELECT base_currency, version FROM accounts WHERE id = :id").bind("id", id)
                    .mapToMap().findOne().orElseThrow(() -> new IllegalArgumentException("no account " + id));
            Currency currency = Currency.of((String) row.get("base_currency"));
            long version = ((Number) row.get("version")).longValue();
            Map<UUID, String> names = new HashMap<>();
            h.createQuery("SELECT id, name FROM strategy_activations WHERE account_id = :a").bind("a", id)
                    .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            Account a = new Account(id, currency, DatabaseBookCheck.rebuild(h, id, names, currency), version);
            loadActivations(h, a);
            for (Order o : OrderRows.open(h, id)) {
                a.open.put(o.id(), o);
                live.put(o.id(), o);
                if (o.clientOrderId() != null) {
                    a.clientIds.put(o.clientOrderId(), o.id());
                }
            }
            h.createQuery("SELECT id, strategy_activation_id, symbol FROM holdings WHERE account_id = :a AND status = 'OPEN'")
                    .bind("a", id)
                    .map((rs, ctx) -> Map.entry(names.get(rs.getObject("strategy_activation_id", UUID.class)) + "\u0000"
                            + rs.getString("symbol"), rs.getObject("id", UUID.class)))
                    .forEach(e -> a.openHoldings.put(e.getKey(), e.getValue()));
            h.createQuery("SELECT description FROM journal_entries WHERE account_id = :a AND entry_type IN ('DEPOSIT', 'WITHDRAWAL')")
                    .bind("a", id).mapTo(String.class).forEach(a.references::add);
            return a;
        });
    }

    private static void loadActivations(Handle h, Account a) {
        h.createQuery("SELECT id, name, allocation_amount FROM strategy_activations WHERE account_id = :a").bind("a", a.id)
                .map((rs, ctx) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("name"), rs.getBigDecimal("allocation_amount")})
                .forEach(r -> {
                    String name = (String) r[1];
                    if (a.activationIds.putIfAbsent(name, (UUID) r[0]) == null && r[2] != null) {
                        a.allocations.put(name, (BigDecimal) r[2]);
                    }
                });
    }

    // ------------------------------------------------------------------ keys

    private static UUID requireKeys(Order order, OrderEvent event) {
        if (!order.id().equals(event.orderId())) {
            throw new IllegalArgumentException("event of order " + event.orderId() + " stored with order " + order.id());
        }
        return uuid(order.id(), "order id");
    }

    private static void requireCurrency(Order order, Currency account) {
        for (Object value : new Object[] {order.limitPrice(), order.stopPrice(), order.filledNotional(), order.reserved()}) {
            Currency c = value instanceof Price p ? p.currency() : value instanceof Money m ? m.currency() : account;
            if (c != account) {
                throw new IllegalArgumentException("order " + order.id() + " in " + c + " for an account in " + account);
            }
        }
    }

    private static UUID uuid(String text, String what) {
        return canonicalUuid(text).orElseThrow(
                () -> new IllegalArgumentException(what + " must be a UUID in canonical lower-case form: '" + text + "'"));
    }

    private static Optional<UUID> canonicalUuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
