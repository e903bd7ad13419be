package io.tradebook.store;

class H2SharedAccountTest extends SharedAccountContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
