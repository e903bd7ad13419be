package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresPerformanceTest extends PerformanceContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
