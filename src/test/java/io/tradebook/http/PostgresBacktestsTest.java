package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresBacktestsTest extends BacktestsContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
