package io.tradebook.store;

/** {@link PerformanceRepositoriesContract} on an in-memory H2 database. */
class H2PerformanceRepositoriesTest extends PerformanceRepositoriesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
