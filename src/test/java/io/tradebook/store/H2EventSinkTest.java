package io.tradebook.store;

class H2EventSinkTest extends EventSinkContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
