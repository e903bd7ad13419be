package io.tradebook.store;

class H2OrderPathTest extends DatabaseOrderPathContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
