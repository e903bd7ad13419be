package io.tradebook.store;

class H2SecurityRepositoryTest extends SecurityRepositoryContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
