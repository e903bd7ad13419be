package io.tradebook.store;

import java.math.BigDecimal;
import java.util.List;
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
