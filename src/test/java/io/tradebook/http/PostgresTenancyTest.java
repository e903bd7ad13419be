package io.tradebook.http;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;

class PostgresTenancyTest extends TenancyContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
