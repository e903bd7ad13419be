package io.tradebook.store;

class PostgresBookKeeperTest extends DatabaseBookKeeperContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
