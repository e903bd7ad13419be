package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresLiveStrategiesTest extends LiveStrategiesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
