package io.tradebook.store;

class PostgresExecutionStoreTest extends DatabaseExecutionStoreContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
