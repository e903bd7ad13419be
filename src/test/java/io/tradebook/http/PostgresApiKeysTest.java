package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresApiKeysTest extends ApiKeysContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
