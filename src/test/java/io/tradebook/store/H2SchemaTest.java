package io.tradebook.store;

/** {@link SchemaContract} on an in-memory H2 database. */
class H2SchemaTest extends SchemaContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
