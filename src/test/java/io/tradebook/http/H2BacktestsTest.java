package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class H2BacktestsTest extends BacktestsContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
