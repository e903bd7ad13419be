package io.tradebook.store;

/** {@link ViewsSchemaContract} on PostgreSQL (see TestDatabases for which server). */
class PostgresViewsSchemaTest extends ViewsSchemaContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
