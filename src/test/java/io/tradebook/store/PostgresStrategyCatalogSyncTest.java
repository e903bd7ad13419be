package io.tradebook.store;

class PostgresStrategyCatalogSyncTest extends StrategyCatalogSyncContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
