package io.tradebook.store;

/** {@link SchemaContract} on PostgreSQL (see TestDatabases for which server). */
class PostgresSchemaTest extends SchemaContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
