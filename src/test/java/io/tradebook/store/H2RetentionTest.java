package io.tradebook.store;

class H2RetentionTest extends RetentionContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
