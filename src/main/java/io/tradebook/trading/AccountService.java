package io.tradebook.trading;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.AccountValuation;
import io.tradebook.core.execution.PaperTrading;
import io.tradebook.core.execution.TradingAccount;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.Order;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.AccountRepository.Activation;
import io.tradebook.store.AccountRepository.DayStart;
import io.tradebook.store.AccountRepository.Details;
import io.tradebook.store.DuplicateException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Paper accounts: opening one (with its broker connection, its manual books and its first
 * deposit), reading what it is worth, paying cash in and out, and closing it (a soft delete that
 * keeps its books). Thread-safe.
 *
 * <p><b>Returns.</b> Total P&L is equity minus net deposits, and the total return is that over net
 * deposits. The day starts at the account's first valuation on a UTC date (opening it counts as
 * one, and so does every read); the day's P&L is the change of {@code equity − net deposits} since
 * then, so a deposit is not a gain, and the day return is that over the day-start equity. A return
 * over a base that is not positive is null. Returns are fractions rounded half-even to 10 decimals.
 *
 * <p>Refuses, as invalid fields: a missing or over-long name, a broker other than paper, a missing
 * type, a negative or malformed initial cash, a malformed currency, strategy names that repeat,
 * are blank or over-long, or are {@code manual}; a deposit or withdrawal that is not positive or
 * malformed, and a withdrawal beyond the cash the shared pool has free. As a conflict: a name the
 * user already has (also a deleted account's).
 */
public final class AccountService {
    private static final int RETURN_SCALE = 10;
    private static final int MAX_BOOKS = 20;

    /** What opening an account asks for; {@code broker} and {@code currency} null mean paper and USD. Immutable. */
    public record NewAccount(String name, String broker, AccountType type, BigDecimal initialCash, String currency, List<String> strategies) {
    }

    /**
     * An account and what it is worth now: its details, its valuation at the latest prices, its
     * net deposits, P&L and returns (see the class comment), and its strategies. Immutable.
     */
    public record AccountState(Details details, AccountValuation valuation, Money netDeposits, Money totalPnl, BigDecimal totalReturn,
                               DayStart dayStart, Money dayPnl, BigDecimal dayReturn, List<Activation> strategies) {
    }

    /** A deposit or withdrawal: whether it was new (false: its reference was already used, nothing changed) and the account after. Immutable. */
    public record CashMovement(boolean created, String reference, AccountState account) {
    }

    private final AccountRepository repository;
    private final PaperTrading paper;
    private final AccountCache accounts;
    private final AuditTrail audit;
    private final Clock clock;

    /** Brings what the order path holds of an account up to the database's state (another process may have changed it). */
    private final java.util.function.Consumer<String> freshen;
    private final OrderWorkers workers;

    AccountService(AccountRepository repository, PaperTrading paper, AccountCache accounts, AuditTrail audit, Clock clock,
                   java.util.function.Consumer<String> freshen, OrderWorkers workers) {
        this.freshen = freshen;
        this.workers = workers;
        this.repository = repository;
        this.paper = paper;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a paper account for {@code userId} and pays its initial cash in. */
    public Outcome<AccountState> open(UUID userId, NewAccount n) {
        FieldChecks checks = new FieldChecks();
        String name = checks.text("name", n.name(), 255, true);
        String broker = n.broker() == null ? "paper" : n.broker().strip().toLowerCase(Locale.ROOT);
        if (!broker.equals("paper")) {
            checks.problem("broker", "must be paper: only paper accounts are opened here (other brokers have no adapter yet)");
        }
        if (n.type() == null) {
            checks.problem("type", "is required (CASH or MARGIN)");
        }
        BigDecimal cash = checks.money("initialCash", n.initialCash(), true, true);
        String currency = checks.currency("currency", n.currency());
        List<String> books = books(checks, n.strategies());
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        Instant now = clock.instant();
        AccountRepository.Account opened;
        try {
            opened = repository.openPaperAccount(userId, name, n.type().name(), currency, books, cash, now);
        } catch (DuplicateException e) {
            return Outcome.refused(Refusal.conflict("name", "is already the name of one of your accounts (deleted ones included)"));
        }
        String key = opened.id().toString();
        if (cash.signum() > 0) {
            paper.fund(key, Money.of(cash, Currency.of(currency)), now, "opening deposit");
        }
        audit.record(LogLevel.INFO, "accounts", "account opened", userId, Map.of("account", key, "type", n.type().name(),
                "currency", currency, "initialCash", cash.toPlainString()));
        return Outcome.ok(state(opened.id()).orElseThrow());
    }

    private static List<String> books(FieldChecks checks, List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > MAX_BOOKS) {
            checks.problem("strategies", "must have at most " + MAX_BOOKS + " names");
            return List.of();
        }
        List<String> books = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String field = "strategies[" + i + "]";
            String book = checks.text(field, names.get(i), 100, true);
            if (book == null) {
                continue;
            }
            if (book.equals(AccountRepository.MANUAL_BOOK)) {
                checks.problem(field, "manual is every account's own book; name another");
            } else if (!seen.add(book)) {
                checks.problem(field, "repeats " + book);
            } else {
                books.add(book);
            }
        }
        return books;
    }

    /** The user's active accounts with what they are worth, by name. */
    public List<AccountState> list(UUID userId) {
        return repository.listDetails(userId).stream().map(this::state).toList();
    }

    /** The account with what it is worth now; empty when there is none. */
    public Optional<AccountState> state(UUID accountId) {
        return repository.details(accountId).map(this::state);
    }

    private AccountState state(Details d) {
        String key = d.id().toString();
        TradingAccount account = accounts.account(key).orElseThrow(() -> new IllegalStateException("no account " + key));
        freshen.accept(key);
        AccountSnapshot snapshot = paper.store().books().snapshot(key);
        AccountValuation valuation = valuation(account, snapshot);
        Money deposits = snapshot.netDeposits();
        Money totalPnl = valuation.equity().minus(deposits);
        Instant now = clock.instant();
        Instant midnight = now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        DayStart day = repository.dayStart(d.id()).filter(s -> !s.at().isBefore(midnight))
                .orElseGet(() -> repository.startDay(d.id(), valuation.equity().amount(), deposits.amount(), now, midnight));
        Money dayPnl = totalPnl.minus(Money.of(day.equity().subtract(day.netDeposits()), account.currency()));
        return new AccountState(d, valuation, deposits, totalPnl, ratio(totalPnl.amount(), deposits.amount()), day, dayPnl,
                ratio(dayPnl.amount(), day.equity()), repository.listActivations(d.id()));
    }

    /** The account's positions marked at the latest prices, its equity and its buying power; empty when there is no such account. */
    public Optional<AccountValuation> valuation(UUID accountId) {
        return accounts.account(accountId.toString()).map(a -> {
            freshen.accept(a.key());
            return valuation(a, paper.store().books().snapshot(a.key()));
        });
    }

    private AccountValuation valuation(TradingAccount account, AccountSnapshot snapshot) {
        String key = account.key();
        return AccountValuation.of(account, snapshot, poolCash(key, snapshot), paper.feed()::latest, paper.engine().openOrders(key),
                s -> allocated(key, s));
    }

    /** The shared pool's cash: the account's cash less every segregated budget. */
    private Money poolCash(String key, AccountSnapshot snapshot) {
        BookKeeper books = paper.store().books();
        Money pool = snapshot.cash();
        for (AccountCache.Book b : accounts.entry(key).orElseThrow().books().values()) {
            if (b.activation().allocated()) {
                pool = pool.minus(books.cashAvailable(key, b.name()));
            }
        }
        return pool;
    }

    private boolean allocated(String key, String strategy) {
        return accounts.activation(key, strategy).map(a -> a.allocated()).orElse(false);
    }

    /** Pays {@code amount} into the account's shared pool, once per {@code reference} (generated when null). */
    public Outcome<CashMovement> deposit(UUID userId, UUID accountId, BigDecimal amount, String reference) {
        return move(userId, accountId, amount, reference, true);
    }

    /** Takes {@code amount} out of the account's shared pool, once per {@code reference}; refuses more than the pool has free. */
    public Outcome<CashMovement> withdraw(UUID userId, UUID accountId, BigDecimal amount, String reference) {
        return move(userId, accountId, amount, reference, false);
    }

    private Outcome<CashMovement> move(UUID userId, UUID accountId, BigDecimal amount, String reference, boolean in) {
        FieldChecks checks = new FieldChecks();
        BigDecimal value = checks.money("amount", amount, true, false);
        String ref = checks.text("reference", reference, 200, false);
        if (!checks.ok()) {
            return Outcome.refused(Refusal.invalid(checks.problems()));
        }
        String key = accountId.toString();
        TradingAccount account = accounts.account(key).orElseThrow(() -> new IllegalStateException("no account " + key));
        Money money = Money.of(value, account.currency());
        String movement = ref != null ? ref : (in ? "deposit " : "withdrawal ") + UUID.randomUUID();
        if (!in) {
            Money free = freePoolCash(account);
            if (money.compareTo(free) > 0) {
                return Outcome.refused(Refusal.invalid("amount", "is more than the " + free.toPlainString() + " " + account.currency()
                        + " the shared pool has free (its cash less what open orders hold back)"));
            }
        }
        Instant time = clock.instant();
        boolean created = in ? paper.fund(key, money, time, movement) : paper.withdraw(key, money, time, movement);
        if (created) {
            audit.record(LogLevel.INFO, "accounts", in ? "deposit" : "withdrawal", userId, Map.of("account", key, "amount",
                    money.toPlainString(), "reference", movement));
        }
        return Outcome.ok(new CashMovement(created, movement, state(accountId).orElseThrow()));
    }

    /** The pool's cash less what the open orders of pooled strategies hold back, at least zero. */
    private Money freePoolCash(TradingAccount account) {
        String key = account.key();
        freshen.accept(key);
        Money pool = poolCash(key, paper.store().books().snapshot(key));
        for (Order o : paper.engine().openOrders(key)) {
            if (!allocated(key, o.strategy())) {
                pool = pool.minus(o.reserved());
            }
        }
        return pool.isNegative() ? Money.zero(account.currency()) : pool;
    }

    /**
     * Closes the account: its working orders are cancelled (those another server process works, by
     * that process, a moment later), then it and its broker connection are deactivated; its books stay. False when it was not active.
     */
    public boolean close(UUID userId, UUID accountId) {
        String key = accountId.toString();
        freshen.accept(key);
        for (Order o : paper.engine().openOrders(key)) {
            UUID id = UUID.fromString(o.id());
            if (workers.elsewhere(id) != null) {
                workers.cancelThere(id); // another server process works it, and cancels it
                continue;
            }
            try {
                paper.engine().cancel(o.id());
            } catch (IllegalStateException finishedMeanwhile) {
                // the order ended at the broker while we were cancelling it: nothing is left to cancel
            }
        }
        boolean closed = repository.deactivate(accountId, clock.instant());
        accounts.refresh(accountId);
        if (closed) {
            audit.record(LogLevel.INFO, "accounts", "account closed", userId, Map.of("account", key));
        }
        return closed;
    }

    /** Every difference between the account's stored books and what its journal and fills say; empty when they agree. */
    public List<String> verify(UUID accountId) {
        return paper.store().books().verify(accountId.toString());
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal base) {
        return base == null || base.signum() <= 0 ? null : LiveEventData.plain(part.divide(base, RETURN_SCALE, RoundingMode.HALF_EVEN));
    }
}
