package io.tradebook.store;

class PostgresEventSinkTest extends EventSinkContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
