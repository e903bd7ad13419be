package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The books of one trading account in one currency: its journal, its cash (one shared pool plus a
 * segregated budget per strategy that has an allocation), and every strategy's positions. Every
 * change posts one balanced journal entry; the cached figures (cash, net deposits, each holding's
 * cost and realized P&L) must always equal what the journal says, and {@link #verify} checks it.
 *
 * <p>Mutable and not thread-safe: one writer at a time (the OMS serialises per account).
 * Records what it is given: limits such as buying power are the order path's business, not the books'.
 */
public final class AccountBook {
    private final String account;
    private final Currency currency;
    private final Journal journal;
    private final Map<String, Map<String, StrategyPosition>> positions = new TreeMap<>();
    private final Set<String> allocated = new HashSet<>();
    private final Set<String> appliedTradeIds = new HashSet<>();
    private final boolean keepRoundTrips;
    private Money cash;
    private Money netDeposits;

    public AccountBook(String account, Currency currency, Journal journal) {
        this(account, currency, journal, true);
    }

    /** A book on {@code journal} that keeps each position's finished round trips, or only their count. */
    AccountBook(String account, Currency currency, Journal journal, boolean keepRoundTrips) {
        Fill.requireName(account, "account");
        this.keepRoundTrips = keepRoundTrips;
        if (journal.currency() != currency) {
            throw new IllegalArgumentException("journal currency differs from account currency");
        }
        this.account = account;
        this.currency = currency;
        this.journal = journal;
        this.cash = Money.zero(currency);
        this.netDeposits = Money.zero(currency);
    }

    /**
     * A book of running figures only: a journal of balances, and of each position's finished round
     * trips their count, not the round trips (they are stored elsewhere, as a database-backed
     * store stores them). Its memory does not grow with the number of trades but for the trade ids
     * it has applied.
     */
    public static AccountBook figuresOnly(String account, Currency currency) {
        return new AccountBook(account, currency, Journal.balancesOnly(currency), false);
    }

    /** A book whose journal keeps every entry, so balances can be derived again from scratch. */
    public static AccountBook open(String account, Currency currency) {
        return new AccountBook(account, currency, Journal.keepingEntries(currency));
    }

    /**
     * Records a fill: moves the position at average cost, posts cash against position cost,
     * realized P&L and fees, and finishes a round trip when the position returns to zero. A fill
     * whose trade id was already applied changes nothing and comes back as a duplicate. Refuses a
     * fill for another account or in another currency.
     */
    public FillResult apply(Fill fill) {
        if (!account.equals(fill.account())) {
            throw new IllegalArgumentException("fill for account " + fill.account() + " given to " + account);
        }
        if (fill.price().currency() != currency) {
            throw new IllegalArgumentException("fill in " + fill.price().currency() + " for an account in " + currency);
        }
        if (!appliedTradeIds.add(fill.tradeId())) {
            return FillResult.duplicateOf(fill);
        }
        StrategyPosition position = positions
                .computeIfAbsent(fill.strategy(), s -> new TreeMap<>())
                .computeIfAbsent(fill.symbol(), s -> new StrategyPosition(fill.strategy(), s, currency, keepRoundTrips));
        HoldingChange change = position.apply(fill);
        Money cashFlow = fill.cashFlow();
        JournalEntry entry = FillPosting.entryFor(fill, cashFlow, change, cashAccountOf(fill.strategy()));
        journal.post(entry);
        cash = cash.plus(cashFlow);
        return new FillResult(fill, false, entry, change);
    }

    /** Pays {@code amount} (positive) into the shared pool. */
    public JournalEntry deposit(Money amount, Instant time, String reference) {
        return postCash(CashEntries.deposit(account, currency, amount, time, reference), amount);
    }

    /** Takes {@code amount} (positive) out of the shared pool. */
    public JournalEntry withdraw(Money amount, Instant time, String reference) {
        return postCash(CashEntries.withdrawal(account, currency, amount, time, reference), amount.negate());
    }

    private JournalEntry postCash(JournalEntry entry, Money signed) {
        journal.post(entry);
        cash = cash.plus(signed);
        netDeposits = netDeposits.plus(signed);
        return entry;
    }

    /**
     * Moves {@code amount} from the shared pool into {@code strategy}'s segregated budget; from
     * then on the strategy's fills move its budget, not the pool.
     */
    public JournalEntry allocate(String strategy, Money amount, Instant time) {
        JournalEntry entry = CashEntries.allocation(account, currency, strategy, amount, time);
        journal.post(entry);
        allocated.add(strategy);
        return entry;
    }

    /** Moves {@code amount} from {@code strategy}'s budget back to the shared pool. Refuses a strategy without an allocation. */
    public JournalEntry release(String strategy, Money amount, Instant time) {
        if (!allocated.contains(strategy)) {
            throw new IllegalArgumentException("strategy " + strategy + " has no allocation");
        }
        JournalEntry entry = CashEntries.release(account, currency, strategy, amount, time);
        journal.post(entry);
        return entry;
    }

    private LedgerAccount cashAccountOf(String strategy) {
        return allocated.contains(strategy) ? LedgerAccount.cash(strategy) : LedgerAccount.cashPool();
    }

    /** All cash of the account: the pool plus every strategy budget. */
    public Money cash() {
        return cash;
    }

    /** The shared pool alone. */
    public Money poolCash() {
        return journal.balance(LedgerAccount.cashPool());
    }

    /** The cash {@code strategy} can draw on: its own budget when it has an allocation, else the shared pool. */
    public Money cashAvailableTo(String strategy) {
        return journal.balance(cashAccountOf(strategy));
    }

    public boolean hasAllocation(String strategy) {
        return allocated.contains(strategy);
    }

    public Money netDeposits() {
        return netDeposits;
    }

    /** Realized P&L of every strategy, net of fees. */
    public Money realizedPnl() {
        Money total = Money.zero(currency);
        for (StrategyPosition p : allPositions()) {
            total = total.plus(p.realizedPnl());
        }
        return total;
    }

    public Money fees() {
        Money total = Money.zero(currency);
        for (StrategyPosition p : allPositions()) {
            total = total.plus(p.fees());
        }
        return total;
    }

    /** Realized P&L of one strategy over all its symbols, net of fees. */
    public Money realizedPnlOf(String strategy) {
        Money total = Money.zero(currency);
        for (StrategyPosition p : positionsOf(strategy)) {
            total = total.plus(p.realizedPnl());
        }
        return total;
    }

    /** Fees one strategy paid over all its symbols. */
    public Money feesOf(String strategy) {
        Money total = Money.zero(currency);
        for (StrategyPosition p : positionsOf(strategy)) {
            total = total.plus(p.fees());
        }
        return total;
    }

    /** Unrealized P&L at {@code marks} (a price for every symbol held). */
    public Money unrealizedPnl(Map<String, Price> marks) {
        return snapshot().unrealizedPnl(marks);
    }

    /** Cash plus long market value minus short market value at {@code marks}. */
    public Money equity(Map<String, Price> marks) {
        return snapshot().equity(marks);
    }

    /** Strategy names with positions, sorted. */
    public Collection<String> strategies() {
        return Collections.unmodifiableSet(positions.keySet());
    }

    /** {@code strategy}'s positions by symbol, sorted; empty for an unknown strategy. */
    public Collection<StrategyPosition> positionsOf(String strategy) {
        Map<String, StrategyPosition> bySymbol = positions.get(strategy);
        return bySymbol == null ? List.of() : Collections.unmodifiableCollection(bySymbol.values());
    }

    /** The net quantity of {@code symbol} over all strategies (long minus short). */
    public Quantity netPosition(String symbol) {
        Quantity net = Quantity.ZERO;
        for (Map<String, StrategyPosition> bySymbol : positions.values()) {
            StrategyPosition p = bySymbol.get(symbol);
            if (p != null) {
                net = net.plus(p.signedQuantity());
            }
        }
        return net;
    }

    /** {@code strategy}'s position in {@code symbol}, or null if it never traded it. */
    public StrategyPosition position(String strategy, String symbol) {
        Map<String, StrategyPosition> bySymbol = positions.get(strategy);
        return bySymbol == null ? null : bySymbol.get(symbol);
    }

    /** Every strategy's position in every symbol. */
    public List<StrategyPosition> allPositions() {
        List<StrategyPosition> all = new ArrayList<>();
        positions.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /**
     * Every finished round trip, strategy by strategy.
     *
     * @throws IllegalStateException in a {@linkplain #figuresOnly figures-only} book
     */
    public List<RoundTrip> roundTrips() {
        List<RoundTrip> all = new ArrayList<>();
        allPositions().forEach(p -> all.addAll(p.roundTrips()));
        return all;
    }

    /** What these books say now. */
    public AccountSnapshot snapshot() {
        return AccountSnapshot.of(this);
    }

    /** Compares every cached figure with the journal; an empty list means the books agree. */
    public List<String> verify() {
        return BookCheck.verify(this);
    }

    public String account() {
        return account;
    }

    public Currency currency() {
        return currency;
    }

    public Journal journal() {
        return journal;
    }
}
