package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresAuthTest extends AuthContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
