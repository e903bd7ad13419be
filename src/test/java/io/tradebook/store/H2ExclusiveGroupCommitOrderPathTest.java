package io.tradebook.store;

/** The order path on the group-commit store of a single process (writing behind), in H2. */
class H2ExclusiveGroupCommitOrderPathTest extends DatabaseOrderPathContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean groupCommit() {
        return true;
    }

    @Override
    protected boolean exclusive() {
        return true;
    }
}
