package io.tradebook.store;

class PostgresOrderPathTest extends DatabaseOrderPathContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
