package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class H2LiveStrategiesTest extends LiveStrategiesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
