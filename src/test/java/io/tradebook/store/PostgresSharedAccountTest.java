package io.tradebook.store;

class PostgresSharedAccountTest extends SharedAccountContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
