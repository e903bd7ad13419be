package io.tradebook.store;

class H2StrategyCatalogSyncTest extends StrategyCatalogSyncContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
