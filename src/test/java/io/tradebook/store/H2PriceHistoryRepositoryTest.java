package io.tradebook.store;

class H2PriceHistoryRepositoryTest extends PriceHistoryRepositoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
