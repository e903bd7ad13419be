package io.tradebook.store;

import java.util.UUID;

/**
 * A fresh, migrated database with one user who owns the accounts a contract test opens; closing it
 * drops the database. Accounts are MARGIN, in USD, at the paper broker, with their strategies
 * activated on the shared pool.
 */
final class TestOwner implements AutoCloseable {
    final Database database;
    final AccountRepository accounts;
    final UUID user;

    TestOwner(Database database, String email) {
        this.database = database;
        this.accounts = new AccountRepository(database.jdbi());
        this.user = accounts.findOrCreateUser(email, "Test owner");
    }

    /** Opens account {@code name} with {@code strategies} activated; returns its key (the account id). */
    String openAccount(String name, String... strategies) {
        return accounts.openAccountWithStrategies(user, name, "paper", "PAPER-" + name, "MARGIN", "USD", strategies).id().toString();
    }

    @Override
    public void close() {
        database.close();
    }
}
