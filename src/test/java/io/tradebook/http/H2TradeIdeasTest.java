package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class H2TradeIdeasTest extends TradeIdeasContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
