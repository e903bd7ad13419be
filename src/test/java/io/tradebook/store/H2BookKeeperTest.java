package io.tradebook.store;

class H2BookKeeperTest extends DatabaseBookKeeperContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
