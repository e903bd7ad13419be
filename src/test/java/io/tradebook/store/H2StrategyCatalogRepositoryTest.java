package io.tradebook.store;

/** {@link StrategyCatalogRepositoryContract} on an in-memory H2 database. */
class H2StrategyCatalogRepositoryTest extends StrategyCatalogRepositoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
