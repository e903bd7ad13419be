package io.tradebook.store;

class PostgresRiskRuleRepositoryTest extends RiskRepositoriesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
