package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresUserDeletionTest extends UserDeletionContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
