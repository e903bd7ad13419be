package io.tradebook.store;

class H2RiskRuleRepositoryTest extends RiskRepositoriesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
