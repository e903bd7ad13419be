package io.tradebook.store;

class H2ExecutionStoreTest extends DatabaseExecutionStoreContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
