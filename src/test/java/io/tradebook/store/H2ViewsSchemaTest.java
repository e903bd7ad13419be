package io.tradebook.store;

/** {@link ViewsSchemaContract} on an in-memory H2 database. */
class H2ViewsSchemaTest extends ViewsSchemaContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
