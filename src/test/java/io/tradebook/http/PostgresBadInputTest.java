package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresBadInputTest extends BadInputContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
