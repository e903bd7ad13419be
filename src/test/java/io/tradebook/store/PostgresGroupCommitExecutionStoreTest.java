package io.tradebook.store;

import io.tradebook.core.execution.ExecutionStore;

/** The execution store contract on the group-commit store, in Postgres. */
class PostgresGroupCommitExecutionStoreTest extends DatabaseExecutionStoreContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected ExecutionStore newStore(Database db) {
        return new GroupCommitExecutionStore(db.jdbi());
    }
}
