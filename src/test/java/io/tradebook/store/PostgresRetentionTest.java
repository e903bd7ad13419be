package io.tradebook.store;

class PostgresRetentionTest extends RetentionContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
