package io.tradebook.store;

class PostgresStrategyActivationsTest extends StrategyActivationsContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
