package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresBrokerConnectionsTest extends BrokerConnectionsContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
