package io.tradebook.store;

/** {@link StrategyCatalogRepositoryContract} on PostgreSQL. */
class PostgresStrategyCatalogRepositoryTest extends StrategyCatalogRepositoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
