package io.tradebook.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, broker connections, accounts and strategy activations: the owners of the books. Every
 * account has exactly one broker connection (the paper broker is a broker like any other), and
 * every fill belongs to a strategy activation of its account.
 */
public final class AccountRepository {
    /** The built-in catalog strategy that manual orders and imported fills are attributed to. */
    public static final UUID MANUAL_STRATEGY_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private final Jdbi jdbi;

    public AccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An account as the books see it. Immutable. */
    public record Account(UUID id, UUID userId, String name, String type, String currency, BigDecimal cash, BigDecimal netDeposits) {
    }

    /** A strategy activation on an account; {@code allocation} null means it draws on the shared pool. */
    public record Activation(UUID id, UUID accountId, String name, String status, BigDecimal allocation, BigDecimal cashBalance, BigDecimal totalPnl) {
    }

    /**
     * An account as its owner sees it: its books' owner data, its broker connection, whether it is
     * active (deleted accounts are kept inactive with their books) and when it was opened. Immutable.
     */
    public record Details(UUID id, UUID userId, String name, String type, String currency, UUID brokerConnectionId, String broker,
                          String accountNumber, boolean active, Instant createdAt) {
    }

    /**
     * The start of an account's trading day: its equity and net deposits at its first valuation on
     * a UTC date, and when that was. Immutable.
     */
    public record DayStart(BigDecimal equity, BigDecimal netDeposits, Instant at) {
    }

    /** The user with {@code email}, created (unverified, without password) if absent. */
    public UUID findOrCreateUser(String email, String fullName) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT id FROM users WHERE email = :email")
                .bind("email", email).mapTo(UUID.class).findOne()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    h.createUpdate("INSERT INTO users (id, email, full_name) VALUES (:id, :email, :name)")
                            .bind("id", id).bind("email", email).bind("name", fullName).execute();
                    return id;
                }));
    }

    /**
     * Opens an account for {@code userId} with its broker connection ({@code broker}, account
     * number {@code accountNumber}). Refuses a name the user already has (the unique key).
     */
    public Account openAccount(UUID userId, String name, String broker, String accountNumber, String type, String currency) {
        return jdbi.inTransaction(h -> {
            UUID connection = UUID.randomUUID();
            h.createUpdate("INSERT INTO broker_connections (id, user_id, broker, account_number, is_connected, can_read, can_trade) "
                            + "VALUES (:id, :user, :broker, :number, TRUE, TRUE, TRUE)")
                    .bind("id", connection).bind("user", userId).bind("broker", broker).bind("number", accountNumber).execute();
            UUID id = UUID.randomUUID();
            h.createUpdate("INSERT INTO accounts (id, user_id, broker_connection_id, name, account_type, base_currency) "
                            + "VALUES (:id, :user, :connection, :name, :type, :currency)")
                    .bind("id", id).bind("user", userId).bind("connection", connection).bind("name", name)
                    .bind("type", type).bind("currency", currency).execute();
            return find(h, id).orElseThrow();
        });
    }

    /**
     * Opens an account (as {@link #openAccount}) and activates {@code strategies} on it with the
     * built-in manual strategy, all drawing on the shared pool; returns the account.
     */
    public Account openAccountWithStrategies(UUID userId, String name, String broker, String accountNumber, String type,
                                             String currency, String... strategies) {
        Account account = openAccount(userId, name, broker, accountNumber, type, currency);
        for (String s : strategies) {
            activate(account.id(), s, MANUAL_STRATEGY_ID);
        }
        return account;
    }

    /**
     * Opens a paper account for {@code userId} in one transaction: its paper broker connection
     * (connected, reading and trading allowed, a generated account number), the account, and the
     * built-in manual strategy activated as {@code manual} plus one manual book per name in
     * {@code books}, all drawing on the shared pool. Its day starts at {@code now} with
     * {@code openingCash} (the deposit the caller makes next) as equity and net deposits.
     * Refuses a name the user already has, active or deleted, with a {@link DuplicateException}
     * for {@code name}.
     */
    public Account openPaperAccount(UUID userId, String name, String type, String currency, List<String> books, BigDecimal openingCash,
                                    Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                UUID connection = UUID.randomUUID();
                String number = "PAPER-" + connection.toString().substring(0, 8).toUpperCase(Locale.ROOT);
                h.createUpdate("INSERT INTO broker_connections (id, user_id, broker, account_number, is_connected, last_connected_at, "
                                + "can_read, can_trade) VALUES (:id, :user, 'paper', :number, TRUE, :now, TRUE, TRUE)")
                        .bind("id", connection).bind("user", userId).bind("number", number).bind("now", SqlTypes.utc(now)).execute();
                UUID id = UUID.randomUUID();
                h.createUpdate("INSERT INTO accounts (id, user_id, broker_connection_id, name, account_type, base_currency, "
                                + "day_start_equity, day_start_net_deposits, day_started_at) "
                                + "VALUES (:id, :user, :connection, :name, :type, :currency, :cash, :cash, :now)")
                        .bind("id", id).bind("user", userId).bind("connection", connection).bind("name", name)
                        .bind("type", type).bind("currency", currency).bind("cash", openingCash).bind("now", SqlTypes.utc(now)).execute();
                List<String> names = new ArrayList<>();
                names.add(MANUAL_BOOK);
                names.addAll(books);
                for (String book : names) {
                    h.createUpdate("INSERT INTO strategy_activations (id, account_id, strategy_id, name) VALUES (:id, :account, :strategy, "
                                    + ":name)")
                            .bind("id", UUID.randomUUID()).bind("account", id).bind("strategy", MANUAL_STRATEGY_ID).bind("name", book)
                            .execute();
                }
                return find(h, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            throw DuplicateException.orRethrow(e, "uq_accounts_user_name", "name");
        }
    }

    /** The name of the book that manual orders go to when they name no strategy. */
    public static final String MANUAL_BOOK = "manual";

    /** The account as its owner sees it, active or not. */
    public Optional<Details> details(UUID id) {
        return jdbi.withHandle(h -> h.createQuery(DETAILS_SELECT + " WHERE a.id = :id").bind("id", id).map(AccountRepository::details)
                .findOne());
    }

    /** The user's active accounts, by name. */
    public List<Details> listDetails(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery(DETAILS_SELECT + " WHERE a.user_id = :user AND a.is_active ORDER BY a.name")
                .bind("user", userId).map(AccountRepository::details).list());
    }

    private static final String DETAILS_SELECT = "SELECT a.id, a.user_id, a.name, a.account_type, a.base_currency, a.broker_connection_id, "
            + "c.broker, c.account_number, a.is_active, a.created_at FROM accounts a JOIN broker_connections c ON c.id = a.broker_connection_id";

    private static Details details(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Details(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("account_type"), rs.getString("base_currency"), rs.getObject("broker_connection_id", UUID.class),
                rs.getString("broker"), rs.getString("account_number"), rs.getBoolean("is_active"), SqlTypes.instant(rs, "created_at"));
    }

    /**
     * Deletes the account softly: it and its broker connection become inactive, its books stay.
     * False when it was not active.
     */
    public boolean deactivate(UUID accountId, Instant now) {
        boolean deactivated = jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE accounts SET is_active = FALSE, updated_at = :now WHERE id = :id AND is_active")
                    .bind("id", accountId).bind("now", SqlTypes.utc(now)).execute();
            if (changed == 0) {
                return false;
            }
            h.createUpdate("UPDATE broker_connections SET is_active = FALSE, is_connected = FALSE, updated_at = :now "
                            + "WHERE id = (SELECT broker_connection_id FROM accounts WHERE id = :id)")
                    .bind("id", accountId).bind("now", SqlTypes.utc(now)).execute();
            return true;
        });
        AccessChanges.changed();
        return deactivated;
    }

    /** The start of the account's current (or last) trading day; empty before its first valuation. */
    public Optional<DayStart> dayStart(UUID accountId) {
        return jdbi.withHandle(h -> dayStart(h, accountId));
    }

    /**
     * Starts the account's day at {@code now} with {@code equity} and {@code netDeposits}, unless
     * it has already started at or after {@code dayBegins} (another reader was first: its start is
     * kept). Returns the day start that holds.
     */
    public DayStart startDay(UUID accountId, BigDecimal equity, BigDecimal netDeposits, Instant now, Instant dayBegins) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE accounts SET day_start_equity = :equity, day_start_net_deposits = :deposits, day_started_at = :now "
                            + "WHERE id = :id AND (day_started_at IS NULL OR day_started_at < :begins)")
                    .bind("equity", equity).bind("deposits", netDeposits).bind("now", SqlTypes.utc(now))
                    .bind("begins", SqlTypes.utc(dayBegins)).bind("id", accountId).execute();
            return dayStart(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        });
    }

    private static Optional<DayStart> dayStart(Handle h, UUID accountId) {
        return h.createQuery("SELECT day_start_equity, day_start_net_deposits, day_started_at FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> rs.getObject("day_started_at") == null ? null
                        : new DayStart(SqlTypes.plain(rs, "day_start_equity"), SqlTypes.plain(rs, "day_start_net_deposits"),
                        SqlTypes.instant(rs, "day_started_at")))
                .findOne();
    }

    public Optional<Account> findAccount(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Account> findAccountByName(UUID userId, String name) {
        return jdbi.withHandle(h -> h.createQuery(ACCOUNT_SELECT + " WHERE user_id = :user AND name = :name")
                .bind("user", userId).bind("name", name).map(AccountRepository::account).findOne());
    }

    /** Every account, by user and name. */
    public List<Account> listAccounts() {
        return jdbi.withHandle(h -> h.createQuery(ACCOUNT_SELECT + " ORDER BY user_id, name").map(AccountRepository::account).list());
    }

    private static final String ACCOUNT_SELECT =
            "SELECT id, user_id, name, account_type, base_currency, cash_balance, net_deposits FROM accounts";

    static Optional<Account> find(Handle h, UUID id) {
        return h.createQuery(ACCOUNT_SELECT + " WHERE id = :id").bind("id", id).map(AccountRepository::account).findOne();
    }

    private static Account account(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("account_type"), rs.getString("base_currency"), rs.getBigDecimal("cash_balance"),
                rs.getBigDecimal("net_deposits"));
    }

    /**
     * Activates {@code strategyId} on the account under {@code name}, drawing on the shared pool
     * (an allocation is made through the book keeper, which journals it). Returns the existing
     * activation of that name if there is one.
     */
    public Activation activate(UUID accountId, String name, UUID strategyId) {
        return jdbi.inTransaction(h -> findActivation(h, accountId, name).orElseGet(() -> {
            h.createUpdate("INSERT INTO strategy_activations (id, account_id, strategy_id, name) VALUES (:id, :account, :strategy, :name)")
                    .bind("id", UUID.randomUUID()).bind("account", accountId).bind("strategy", strategyId).bind("name", name).execute();
            return findActivation(h, accountId, name).orElseThrow();
        }));
    }

    public Optional<Activation> findActivation(UUID accountId, String name) {
        return jdbi.withHandle(h -> findActivation(h, accountId, name));
    }

    public List<Activation> listActivations(UUID accountId) {
        return jdbi.withHandle(h -> h.createQuery(ACTIVATION_SELECT + " WHERE account_id = :account ORDER BY name")
                .bind("account", accountId).map(AccountRepository::activation).list());
    }

    private static final String ACTIVATION_SELECT =
            "SELECT id, account_id, name, status, allocation_amount, cash_balance, total_pnl FROM strategy_activations";

    static Optional<Activation> findActivation(Handle h, UUID accountId, String name) {
        return h.createQuery(ACTIVATION_SELECT + " WHERE account_id = :account AND name = :name")
                .bind("account", accountId).bind("name", name).map(AccountRepository::activation).findOne();
    }

    private static Activation activation(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Activation(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getString("status"), rs.getBigDecimal("allocation_amount"), rs.getBigDecimal("cash_balance"),
                rs.getBigDecimal("total_pnl"));
    }
}
