package io.tradebook.store;

class PostgresPriceHistoryRepositoryTest extends PriceHistoryRepositoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
