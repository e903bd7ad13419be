package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresAccessChangesTest extends AccessChangesContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
