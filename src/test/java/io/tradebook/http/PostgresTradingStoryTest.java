package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresTradingStoryTest extends TradingStoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
