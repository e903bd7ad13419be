package io.tradebook.store;

/** The order path on the group-commit store, in H2. */
class H2GroupCommitOrderPathTest extends DatabaseOrderPathContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean groupCommit() {
        return true;
    }
}
