package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresTradeIdeasTest extends TradeIdeasContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
