package io.tradebook.store;

import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.execution.OrderPathContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The order path with its orders and books in a real database. */
abstract class DatabaseOrderPathContract extends OrderPathContract {
    private Database database;

    protected abstract Database newDatabase();

    @Override
    protected ExecutionStore newStore() {
        database = newDatabase();
        return new JdbiExecutionStore(database.jdbi());
    }

    @Override
    protected String openAccount(ExecutionStore store, String... strategies) {
        AccountRepository accounts = new AccountRepository(database.jdbi());
        UUID user = accounts.findOrCreateUser("paper@example.com", "Paper Trader");
        AccountRepository.Account account = accounts.openAccount(user, "paper", "paper", "PAPER-1", "CASH", "USD");
        for (String s : strategies) {
            accounts.activate(account.id(), s, AccountRepository.MANUAL_STRATEGY_ID);
        }
        return account.id().toString();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
