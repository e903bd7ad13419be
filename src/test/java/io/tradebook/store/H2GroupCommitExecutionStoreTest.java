package io.tradebook.store;

import io.tradebook.core.execution.ExecutionStore;

/** The execution store contract on the group-commit store, in H2. */
class H2GroupCommitExecutionStoreTest extends DatabaseExecutionStoreContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected ExecutionStore newStore(Database db) {
        return new GroupCommitExecutionStore(db.jdbi());
    }
}
