package io.tradebook.store;

class H2GroupCommitTest extends GroupCommitContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
