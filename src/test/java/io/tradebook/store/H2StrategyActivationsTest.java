package io.tradebook.store;

class H2StrategyActivationsTest extends StrategyActivationsContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
