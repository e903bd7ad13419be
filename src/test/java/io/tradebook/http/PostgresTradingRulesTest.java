package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresTradingRulesTest extends TradingRulesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
