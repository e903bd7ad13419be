package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class H2PerformanceTest extends PerformanceContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
