package io.tradebook.store;

/** {@link PerformanceRepositoriesContract} on PostgreSQL. */
class PostgresPerformanceRepositoriesTest extends PerformanceRepositoriesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
